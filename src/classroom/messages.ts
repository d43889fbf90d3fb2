/** What `src/classroom.ts` prints, in one place. */
export const classroomMsg = {
  usage: 'usage: tsx src/classroom.ts [--port P] [--build DIR] [--session [--host H] [--model FILE] [--runs N] [--seed S] [--budget B] [--lang nl|en]] [--help]',
  help: `usage: tsx src/classroom.ts [--port P] [--build DIR] [--help]

Builds the classroom page (the engine and the model files in a Web Worker, lessons from lessons/)
and serves it on this computer, or writes it as static files.

Options:
  --port P      serve on port P (default 8080; 0 picks a free port)
  --build DIR   write index.html and app.js to DIR and stop; the folder works from any web server
                and opened from disk (file://)
  --session     a class session instead: a teacher page (join code, QR code, address), student
                pages that join as groups and choose policies, paired rounds, a projector view,
                the reveal under another economy and a CSV export
  --host H      with --session: the address to listen on (default 127.0.0.1; 0.0.0.0 for the
                class's network: the printed address is the machine's LAN address)
  --model FILE  with --session: the town every group gets (default models/emmen.ts)
  --runs N      with --session: replicates per round (default 8)
  --seed S      with --session: the master seed (default: the model's)
  --budget B    with --session: how many measures a group may choose (default 2)
  --lang L      with --session: nl or en (default: from the locale)
  --help        this text

Edit or copy a file in lessons/ and run the command again to rebuild the page.`,
  building: 'building the classroom page…',
  built: (files: { name: string; bytes: number }[], seconds: number) =>
    `built in ${seconds.toFixed(1)} s: ${files.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(0)} KB`).join(', ')}`,
  wrote: (dir: string) => `wrote ${dir}: open ${dir}/index.html in a browser, or put the folder on a web server`,
  serving: (url: string) => `classroom: ${url}  (Ctrl-C to stop)`,
  portInUse: (port: number) => `port ${port} is in use; choose another with --port.`,
  session: (studentUrl: string, code: string, teacherUrl: string) =>
    `class session: students open ${studentUrl} and join with code ${code}\nteacher: ${teacherUrl}  (keep this address to yourself; Ctrl-C to stop)`,
  badCount: (flag: string, min: number, max: number, raw: string) => `option --${flag}: expected an integer from ${min} to ${max}, found '${raw}'.`,
  badLang: (raw: string) => `option --lang: expected nl or en, found '${raw}'.`,
  badPort: (raw: string) => `option --port: expected an integer from 0 to 65535, found '${raw}'.`,
  buildFailed: (why: string) => `the classroom page could not be built:\n${why}`,
} as const;
