/** What `src/classroom.ts` prints, in one place. */
export const classroomMsg = {
  usage: 'usage: tsx src/classroom.ts [--port P] [--build DIR] [--help]',
  help: `usage: tsx src/classroom.ts [--port P] [--build DIR] [--help]

Builds the classroom page (the engine and the model files in a Web Worker, lessons from lessons/)
and serves it on this computer, or writes it as static files.

Options:
  --port P      serve on port P (default 8080; 0 picks a free port)
  --build DIR   write index.html and app.js to DIR and stop; the folder works from any web server
                and opened from disk (file://)
  --help        this text

Edit or copy a file in lessons/ and run the command again to rebuild the page.`,
  building: 'building the classroom page…',
  built: (files: { name: string; bytes: number }[], seconds: number) =>
    `built in ${seconds.toFixed(1)} s: ${files.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(0)} KB`).join(', ')}`,
  wrote: (dir: string) => `wrote ${dir}: open ${dir}/index.html in a browser, or put the folder on a web server`,
  serving: (url: string) => `classroom: ${url}  (Ctrl-C to stop)`,
  portInUse: (port: number) => `port ${port} is in use; choose another with --port.`,
  badPort: (raw: string) => `option --port: expected an integer from 0 to 65535, found '${raw}'.`,
  buildFailed: (why: string) => `the classroom page could not be built:\n${why}`,
} as const;
