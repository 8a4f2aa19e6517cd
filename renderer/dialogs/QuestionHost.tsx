import { useDesigner } from '../store/index.js';
import { Modal } from './Modal.js';

/** Shows the Designer's own questions (recover? reload? overwrite?) one at a time. */
export function QuestionHost() {
  const question = useDesigner((s) => s.questions[0]);
  const answer = useDesigner((s) => s.answerQuestion);
  if (!question) return null;
  return (
    <Modal title={question.title} onCancel={() => answer(question.id, 'cancel')}>
      <p>{question.text}</p>
      <div className="buttons">
        {question.buttons.map((b, i) => (
          <button key={b.id} type="button" className={i === 0 ? 'primary' : ''} onClick={() => answer(question.id, b.id)}>
            {b.label}
          </button>
        ))}
      </div>
    </Modal>
  );
}
