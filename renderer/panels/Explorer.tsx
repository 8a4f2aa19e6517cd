import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../store/index.js';
import { createScenario, openScenario } from '../actions/files.js';

/** The open project's scenarios and assets. */
export const Explorer = memo(function Explorer() {
  const { t } = useTranslation();
  const project = useDesigner((s) => s.project);
  const active = useDesigner((s) => s.active);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  if (!project) {
    return (
      <section className="explorer panel" aria-label={t('explorer.title')}>
        <h2>{t('explorer.title')}</h2>
        <p className="muted">{t('app.noProject')}</p>
      </section>
    );
  }
  const submit = () => {
    if (name.trim()) void createScenario(name.trim());
    setNaming(false);
    setName('');
  };
  return (
    <section className="explorer panel" aria-label={t('explorer.title')}>
      <h2 title={project.dir}>{project.project.name}</h2>
      <h3>
        {t('explorer.scenarios')}
        <button type="button" className="icon" onClick={() => setNaming(true)} aria-label={t('explorer.newScenario')} title={t('explorer.newScenario')}>
          +
        </button>
      </h3>
      {naming && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label={t('explorer.scenarioName')} onBlur={submit} />
        </form>
      )}
      <ul className="tree">
        {project.scenarios.map((s) => (
          <li key={s.path}>
            <button type="button" className={s.path === active ? 'link active' : 'link'} onClick={() => void openScenario(s.path)} title={s.relPath}>
              {s.name}
            </button>
          </li>
        ))}
      </ul>
      {project.assets.length > 0 && (
        <>
          <h3>{t('explorer.assets')}</h3>
          <ul className="tree">
            {project.assets.map((a) => (
              <li key={a} className="muted">
                {a}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
