import { type Kysely, sql } from "kysely";

/**
 * The records: the organization's people and posts, rounds with their life cycle, what a
 * lock lands, and the audit trail. Every rule the database can hold is here (unique,
 * foreign key, check, not null, and triggers for the life cycle and the append-only trail),
 * so a request that breaks one is refused by PostgreSQL whatever the code in front of it.
 *
 * A landed migration is never edited (test/unit/migrations.test.ts holds their checksums):
 * a change is a new file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table departments (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (length(name) between 1 and 120),
      created_at timestamptz not null default now()
    );

    -- The staff register: one row per person, kept round after round.
    create table people (
      id uuid primary key default gen_random_uuid(),
      -- 工号: the organization's own stable number for a person, when the file gives one.
      staff_no text unique check (staff_no ~ '^[A-Za-z0-9_-]{1,40}$'),
      name text not null check (length(name) between 1 and 120),
      unit text not null default '' check (length(unit) <= 120),
      created_at timestamptz not null default now()
    );
    -- Without a staff number a person is known by name and unit.
    create unique index people_by_name on people (name, unit) where staff_no is null;

    -- Posts: a title in a department (or in none), with an optional stable code (岗位代码).
    create table posts (
      id uuid primary key default gen_random_uuid(),
      code text unique check (code ~ '^[A-Za-z0-9_-]{1,40}$'),
      department_id uuid references departments,
      title text not null check (length(title) between 1 and 120),
      created_at timestamptz not null default now()
    );
    create unique index posts_by_title on posts (department_id, title) nulls not distinct
      where code is null;

    create table rounds (
      id text primary key check (id ~ '^[A-Za-z0-9_-]{1,40}$'),
      title text not null check (length(title) between 1 and 120),
      -- A rehearsal round may be deleted at any stage; a formal one only as a draft.
      kind text not null default 'formal' check (kind in ('formal', 'rehearsal')),
      status text not null default 'draft' check (status in ('draft', 'session', 'locked')),
      -- The round file as parsed (shared/round-file.ts): the draft, then the frozen rules.
      config jsonb not null,
      -- SHA-256 of the canonical JSON of config, taken when the session starts.
      config_sha256 text check (config_sha256 ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      started_at timestamptz,
      locked_at timestamptz,
      digest text check (digest ~ '^[0-9a-f]{64}$'),
      -- The session's last state (screens, reveals, counts) as the lock left it.
      final_state jsonb,
      archived_at timestamptz,
      constraint frozen_rules check ((status = 'draft') = (config_sha256 is null)),
      constraint started check ((status = 'draft') = (started_at is null)),
      constraint locked_record check (
        (status = 'locked') = (locked_at is not null and digest is not null and final_state is not null)
      ),
      constraint archive_only_locked check (archived_at is null or status = 'locked'),
      unique (id, digest)
    );
    create index rounds_listed on rounds (created_at desc, id) where archived_at is null;

    -- The posts and candidates of a round, as its file names them (round-local ids).
    create table round_posts (
      round_id text not null references rounds on delete cascade,
      local_id text not null,
      post_id uuid not null references posts,
      seats integer not null check (seats between 1 and 100),
      primary key (round_id, local_id),
      unique (round_id, post_id)
    );
    create table round_candidates (
      round_id text not null references rounds on delete cascade,
      local_id text not null,
      person_id uuid not null references people,
      primary key (round_id, local_id),
      unique (round_id, person_id)
    );
    create index round_candidates_person on round_candidates (person_id);
    create index round_posts_post on round_posts (post_id);

    -- What the lock lands: card-less ballots and evaluations in sorted order (never the
    -- order of submission), the tie decisions, and the export with its digest.
    create table round_ballots (
      round_id text not null references rounds on delete cascade,
      ordinal integer not null check (ordinal >= 0),
      ballot jsonb not null,
      primary key (round_id, ordinal)
    );
    create table round_evaluations (
      round_id text not null references rounds on delete cascade,
      ordinal integer not null check (ordinal >= 0),
      evaluation jsonb not null,
      primary key (round_id, ordinal)
    );
    create table round_decisions (
      round_id text not null references rounds on delete cascade,
      ordinal integer not null check (ordinal >= 0),
      decision jsonb not null,
      primary key (round_id, ordinal)
    );
    -- What the projector shows of a locked round (the chair may still switch views and show
    -- final results): the one part of a landed round that changes.
    create table round_displays (
      round_id text primary key references rounds on delete cascade,
      screen text not null check (screen in ('welcome', 'result', 'evaluation', 'ranking', 'locked')),
      shown_candidate text,
      revealed jsonb not null default '[]' check (jsonb_typeof(revealed) = 'array'),
      version integer not null check (version >= 0)
    );
    create table round_exports (
      round_id text primary key,
      format text not null,
      -- The canonical JSON text itself: its SHA-256 is the digest.
      body text not null,
      digest text not null check (digest ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now(),
      foreign key (round_id, digest) references rounds (id, digest) on delete cascade
    );
  `.execute(db);

  // The life cycle: draft → session → locked, and nothing of a frozen round changes.
  await sql`
    create function rounds_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.kind = 'formal' and old.status <> 'draft' then
          raise exception 'round % is % and cannot be deleted', old.id, old.status
            using errcode = 'JP001';
        end if;
        return old;
      end if;
      if not (old.status = new.status
              or (old.status = 'draft' and new.status = 'session')
              or (old.status = 'session' and new.status = 'locked')) then
        raise exception 'round % cannot go from % to %', old.id, old.status, new.status
          using errcode = 'JP002';
      end if;
      if old.status <> 'draft' and (new.config is distinct from old.config
          or new.config_sha256 is distinct from old.config_sha256
          or new.kind is distinct from old.kind or new.title is distinct from old.title
          or new.started_at is distinct from old.started_at) then
        raise exception 'round % is frozen', old.id using errcode = 'JP003';
      end if;
      if old.status = 'locked' and (new.digest is distinct from old.digest
          or new.locked_at is distinct from old.locked_at
          or new.final_state is distinct from old.final_state) then
        raise exception 'round % is locked', old.id using errcode = 'JP003';
      end if;
      if old.archived_at is not null and new.archived_at is distinct from old.archived_at then
        raise exception 'round % is archived', old.id using errcode = 'JP003';
      end if;
      return new;
    end $$;
    create trigger rounds_guard before update or delete on rounds
      for each row execute function rounds_guard();

    -- A round's posts and candidates change only while it is a draft.
    create function round_part_guard() returns trigger language plpgsql as $$
    declare
      s text;
    begin
      select status into s from rounds where id = coalesce(new.round_id, old.round_id);
      if s is not null and s <> 'draft' then
        raise exception 'round % is frozen', coalesce(new.round_id, old.round_id)
          using errcode = 'JP003';
      end if;
      return coalesce(new, old);
    end $$;
    create trigger round_posts_guard before insert or update or delete on round_posts
      for each row execute function round_part_guard();
    create trigger round_candidates_guard before insert or update or delete on round_candidates
      for each row execute function round_part_guard();

    -- What a lock landed is never changed (a deleted rehearsal round takes it along).
    create function refuse_update() returns trigger language plpgsql as $$
    begin
      raise exception '% rows are never changed', tg_table_name using errcode = 'JP004';
    end $$;
    create trigger round_ballots_fixed before update on round_ballots
      for each row execute function refuse_update();
    create trigger round_evaluations_fixed before update on round_evaluations
      for each row execute function refuse_update();
    create trigger round_decisions_fixed before update on round_decisions
      for each row execute function refuse_update();
    create trigger round_exports_fixed before update on round_exports
      for each row execute function refuse_update();
  `.execute(db);

  // The audit trail: append only, each entry chained to the one before by SHA-256.
  await sql`
    create sequence audit_entries_seq;
    create table audit_entries (
      seq bigint primary key,
      -- Set by the writer; a retried write of the same entry is not appended twice.
      entry_id text not null unique check (entry_id ~ '^[A-Za-z0-9_-]{8,64}$'),
      -- No foreign key: the trail outlives a deleted draft or rehearsal round.
      round_id text,
      at timestamptz not null,
      -- The entry as canonical JSON; the hash covers exactly this text.
      body text not null,
      prev_hash text not null unique check (prev_hash ~ '^[0-9a-f]{64}$'),
      hash text not null unique check (hash ~ '^[0-9a-f]{64}$')
    );
    create index audit_entries_round on audit_entries (round_id, seq);

    -- hash = SHA-256(prev_hash || newline || body), prev_hash of the first entry is 64 zeros.
    -- One writer at a time (the lock is held to commit), so the chain never forks.
    create function audit_chain() returns trigger language plpgsql as $$
    declare
      last text;
    begin
      perform pg_advisory_xact_lock(7253402717352601);
      select hash into last from audit_entries order by seq desc limit 1;
      new.seq := nextval('audit_entries_seq');
      new.prev_hash := coalesce(last, repeat('0', 64));
      new.hash := encode(sha256(convert_to(new.prev_hash || E'\n' || new.body, 'UTF8')), 'hex');
      return new;
    end $$;
    create trigger audit_chain before insert on audit_entries
      for each row execute function audit_chain();

    create function audit_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit trail is append-only' using errcode = 'JP005';
    end $$;
    create trigger audit_no_change before update or delete on audit_entries
      for each row execute function audit_append_only();
    create trigger audit_no_truncate before truncate on audit_entries
      for each statement execute function audit_append_only();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("records are kept: restore a backup instead of migrating down");
}
