import { useText } from '../../ui/text';
import type { Playbook } from '../../domain/playbook/schema';
import { postsOf } from '../../domain/playbook/command-tree';
import type { Group, Position, Team } from '../../domain/playbook/schema-command';
import { PhoneLink } from './Phone';
import { messages } from './messages';

function PostLine({ post }: { post: Position }) {
  const t = useText(messages);
  return (
    <li className="post">
      <span className="post-title">{post.title}</span>
      {post.heldBy ? <span className="post-held">{post.heldBy}</span> : null}
      {post.person ? <span className="post-person">{post.person}</span> : <span className="post-vacant">{t('reader.command.unfilled')}</span>}
      {post.phone ? <PhoneLink number={post.phone} /> : null}
      {post.duties?.length ? (
        <ul className="duties">
          {post.duties.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function GroupCard({ group, level }: { group: Group | Team; level: 3 | 4 }) {
  const t = useText(messages);
  const Heading = level === 3 ? 'h3' : 'h4';
  const posts = postsOf(group).map((p) => p.post);
  return (
    <article className={`org-card org-level-${level}`} data-testid={`group-${group.id}`}>
      <Heading>{group.name}</Heading>
      {group.location ? (
        <p className="org-location">
          {t('reader.command.location')}: {group.location}
        </p>
      ) : null}
      {posts.length ? (
        <ul className="posts">
          {posts.map((p) => (
            <PostLine key={p.id} post={p} />
          ))}
        </ul>
      ) : null}
      {group.phone ? <PhoneLink number={group.phone} /> : null}
      {group.duties?.length ? (
        <>
          <p className="label">{t('reader.command.duties')}</p>
          <ul className="duties">
            {group.duties.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </>
      ) : null}
      {group.staffing ? <p className="note">{group.staffing}</p> : null}
      {'teams' in group && group.teams?.length ? (
        <div className="org-teams">
          <p className="label">{t('reader.command.teams')}</p>
          {group.teams.map((team) => (
            <GroupCard key={team.id} group={team} level={4} />
          ))}
        </div>
      ) : null}
    </article>
  );
}

/** The command structure as an organisation chart: headquarters on top, groups below. */
export function CommandChart({ playbook, names }: { playbook: Playbook; names: Map<string, string> }) {
  const t = useText(messages);
  const { command } = playbook;
  return (
    <>
      {command.description ? <p>{command.description}</p> : null}
      <div className="org-hq">
        <GroupCard group={command.headquarters} level={3} />
      </div>
      {command.interimCommand ? (
        <aside className="callout" aria-label={t('reader.command.interim')}>
          <p className="label">{t('reader.command.interim')}</p>
          <p>
            {command.interimCommand.when} — <strong>{names.get(command.interimCommand.role) ?? command.interimCommand.role}</strong>
            {command.interimCommand.until ? ` (${command.interimCommand.until})` : ''}
          </p>
          <ul className="duties">
            {command.interimCommand.duties.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </aside>
      ) : null}
      <div className="org-groups">
        {command.groups.map((g) => (
          <GroupCard key={g.id} group={g} level={3} />
        ))}
      </div>
      {command.roles?.length ? (
        <>
          <h3>{t('reader.command.roles')}</h3>
          <ul className="cards">
            {command.roles.map((r) => (
              <li key={r.id} className="card">
                <span className="card-title">{r.title}</span>
                {r.person ? <span className="post-person">{r.person}</span> : null}
                {r.phone ? <PhoneLink number={r.phone} /> : null}
                {r.duties?.length ? (
                  <ul className="duties">
                    {r.duties.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
