/**
 * The lessons panel: the bundled lessons (and any lesson file a teacher opens in the page), each
 * with its question, steps whose settings load with a click, and a reveal kept hidden until asked.
 */
import { parseLesson, type Lesson, type LessonStep, type LessonText } from '../lesson.ts';
import { getLang, t } from './i18n.ts';
import { html, setHtml, type Html } from './html.ts';

export class LessonsPanel {
  private readonly lessons: { file: string; lesson: Lesson }[] = [];
  private active = -1;
  private revealed = false;
  private stepShown = -1;

  constructor(private readonly root: HTMLElement, files: readonly { file: string; lesson: unknown }[], private readonly modelNames: readonly string[], private readonly onStep: (step: LessonStep) => void) {
    for (const f of files) this.lessons.push({ file: f.file, lesson: parseLesson(f.lesson, f.file, modelNames) });
    this.lessons.sort((a, b) => a.lesson.order - b.lesson.order);
    root.querySelector<HTMLInputElement>('#lesson-file')!.addEventListener('change', (e) => void this.open((e.target as HTMLInputElement).files?.[0]));
  }

  private async open(file: File | undefined): Promise<void> {
    if (!file) return;
    const error = this.root.querySelector<HTMLElement>('#lesson-error')!;
    error.hidden = true;
    try {
      const lesson = parseLesson(JSON.parse(await file.text()), file.name, this.modelNames);
      this.lessons.push({ file: file.name, lesson });
      this.select(this.lessons.length - 1);
    } catch (e) {
      error.hidden = false;
      error.textContent = `${t('lessonError')}\n${e instanceof Error ? e.message : String(e)}`;
    }
  }

  select(k: number): void {
    this.active = k;
    this.revealed = false;
    this.stepShown = -1;
    this.render();
  }

  /** Runs step `s` of the active lesson (also used by tests through the buttons). */
  runStep(s: number): void {
    const lesson = this.lessons[this.active]?.lesson;
    if (!lesson) return;
    this.stepShown = s;
    this.render();
    this.onStep(lesson.steps[s]);
  }

  render(): void {
    const tx = (x: LessonText) => x[getLang()];
    const list = this.root.querySelector<HTMLElement>('#lesson-list')!;
    setHtml(list, html`${this.lessons.map((l, k) => html`<button class="lesson${k === this.active ? ' active' : ''}" data-lesson="${k}">${tx(l.lesson.title)}</button>`)}`);
    for (const b of list.querySelectorAll<HTMLButtonElement>('button')) b.addEventListener('click', () => this.select(Number(b.dataset.lesson)));
    const body = this.root.querySelector<HTMLElement>('#lesson-body')!;
    const entry = this.lessons[this.active];
    if (!entry) {
      body.replaceChildren();
      return;
    }
    const l = entry.lesson;
    setHtml(body, html`<h3>${tx(l.title)}</h3><p class="question"><b>${t('question')}:</b> ${tx(l.question)}</p>
      <ol class="steps">${l.steps.map((s, k) => html`<li><button class="step" data-step="${k}">${tx(s.label)}</button>${k <= this.stepShown ? html`<p>${tx(s.text)}</p>` : ''}</li>`)}</ol>
      <button id="reveal">${this.revealed ? t('hide') : t('reveal')}</button>
      ${this.revealed ? html`<div class="reveal">${tx(l.reveal).split('\n').map((line, k) => (k ? html`<br>${line}` : line))}</div>` : ''}
      ${l.sources.length ? html`<p class="muted small">${t('sources')}: ${l.sources.join('; ')}</p>` : ''}
      <p class="muted small">${entry.file}</p>`);
    for (const b of body.querySelectorAll<HTMLButtonElement>('button.step')) b.addEventListener('click', () => this.runStep(Number(b.dataset.step)));
    body.querySelector('#reveal')!.addEventListener('click', () => {
      this.revealed = !this.revealed;
      this.render();
    });
  }
}

