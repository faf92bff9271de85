// The guided lessons: a list to start one from, then the open lesson's title, "Step k of n", its
// paragraph and question, and Back / Next. Each step sets the scenario and the player's position.
import { useClassroom } from '../state/classroomView.ts';
import { leaveLesson, showLessonStep, startLesson } from './lessonControl.ts';
import { LESSONS, lessonById } from './lessons.ts';
import { stepWords } from './lessonText.ts';
import { WithTerms } from './WithTerms.tsx';

export function LessonPanel() {
  const lesson = lessonById(useClassroom((c) => c.lesson));
  const k = useClassroom((c) => c.lessonStep) ?? 1;

  if (!lesson) {
    return (
      <nav className="lessons" aria-labelledby="lessons-heading">
        <h3 id="lessons-heading">Guided lessons</h3>
        <ul className="lessons__list">
          {LESSONS.map((l) => (
            <li key={l.id}>
              <button type="button" className="button lessons__start" onClick={() => startLesson(l.id)}>
                {l.title}
              </button>
              <span className="lessons__blurb">{l.blurb}</span>
            </li>
          ))}
        </ul>
      </nav>
    );
  }

  const step = lesson.steps[Math.min(k, lesson.steps.length) - 1];
  const n = lesson.steps.length;
  const words = stepWords(step);
  return (
    <section className="lesson" aria-labelledby="lesson-title" data-testid="lesson" data-lesson={lesson.id} data-step={k}>
      <div className="lesson__head">
        <h3 id="lesson-title">{lesson.title}</h3>
        <button type="button" className="button" onClick={leaveLesson}>
          All lessons
        </button>
      </div>
      <p className="lesson__progress" aria-live="polite">
        Step {k} of {n}: {step.title}
      </p>
      <p className="lesson__text">
        <WithTerms text={words.text} />
      </p>
      <p className="lesson__question">
        <strong>Think about it:</strong> <WithTerms text={words.question} />
      </p>
      <div className="lesson__nav" role="group" aria-label="Lesson steps">
        <button type="button" className="button" disabled={k <= 1} onClick={() => showLessonStep(lesson, k - 1)}>
          Back
        </button>
        <button type="button" className="button button--primary" disabled={k >= n} onClick={() => showLessonStep(lesson, k + 1)}>
          Next
        </button>
      </div>
    </section>
  );
}
