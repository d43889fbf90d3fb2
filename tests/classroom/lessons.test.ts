import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLessons } from '../../src/classroom/build.ts';
import { parseLesson } from '../../src/classroom/lesson.ts';
import { loadModel } from '../../src/model/load.ts';
import { validateModel } from '../../src/model/validate.ts';
import { applySettings } from '../../src/classroom/settings.ts';

const NAMES = ['almere', 'amsterdam', 'emmen', 'rotterdam', 'wageningen'];

describe('lessons', () => {
  it('ships at least three lessons, each valid, in English and Dutch, with settings that validate', async () => {
    const lessons = readLessons('lessons', NAMES).map((l) => ({ file: l.file, lesson: parseLesson(l.lesson, l.file, NAMES) }));
    expect(lessons.map((l) => l.file)).toEqual(expect.arrayContaining(['lessons/is-it-the-economy.json', 'lessons/the-lottery.json', 'lessons/who-is-left.json']));
    for (const { file, lesson } of lessons) {
      expect(lesson.reveal.en.length, file).toBeGreaterThan(100);
      expect(lesson.reveal.nl.length, file).toBeGreaterThan(100);
      for (const step of lesson.steps) {
        for (const s of [step.settings, step.compare]) {
          if (!s) continue;
          const model = (await loadModel(`models/${s.model}.ts`)).model;
          expect(() => validateModel(applySettings(model, s), `${file}: ${s.model}`)).not.toThrow();
        }
      }
    }
  });

  it('names the file and the field of a mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ title: { en: 'x', nl: 'x' }, question: { en: 'q' }, steps: [{ label: { en: 'a', nl: 'a' }, text: { en: 'b', nl: 'b' }, settings: { model: 'utrecht' } }], reveal: { en: 'r', nl: 'r' } }));
    expect(() => readLessons(dir, NAMES)).toThrow(/bad\.json: 1 problem in the lesson:\n {2}at question\.nl/);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ title: { en: 'x', nl: 'x' }, question: { en: 'q', nl: 'q' }, steps: [{ label: { en: 'a', nl: 'a' }, text: { en: 'b', nl: 'b' }, settings: { model: 'utrecht' } }], reveal: { en: 'r', nl: 'r' } }));
    expect(() => readLessons(dir, NAMES)).toThrow(/at steps\.0: no model named 'utrecht'/);
    writeFileSync(join(dir, 'bad.json'), '{ "title": ');
    expect(() => readLessons(dir, NAMES)).toThrow(/bad\.json: not valid JSON/);
  });
});
