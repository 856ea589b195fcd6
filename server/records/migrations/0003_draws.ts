import { type Kysely, sql } from "kysely";

/**
 * Public draws and the defense questions (issue 8 items 6, 7 and 10; procedure.md "Speaking
 * order and defense questions are drawn publicly"): each draw's published pool and then its
 * record (jingpin-draw/1), a speaking order set by hand with its reason, each post's question
 * bank with its edit history, the bank's seal, and the questions drawn from it. Everything is
 * written only while the round is a draft (0002's round_draft_guard), so the start freezes
 * the order and the drawn questions with the rest. As in 0001 and 0002, every rule the
 * database can hold is here.
 *
 * Codes of their own: JP020 a sealed bank changed, JP021 a draw's pool is not what it must
 * be (the sealed bank, the round's candidates), JP022 a draw drawn twice or after it was
 * replaced, JP023 drawn questions that are not the draw's result.
 *
 * A landed migration is never edited (test/unit/migrations.test.ts): a change is a new file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await questionBank(db);
  await draws(db);
}

async function questionBank(db: Kysely<unknown>) {
  await sql`
    -- The defense questions (答辩题) of a round's posts. A question is numbered Q1, Q2, … per
    -- round (question_number), so its id names it in every post's draw and on every sheet.
    -- Never deleted (a deletion is recorded, deleted_at): a question's history stays whole.
    create table round_questions (
      round_id text not null references rounds on delete cascade,
      id text not null check (id ~ '^Q[1-9][0-9]{0,5}$'),
      seq integer not null check (seq >= 1),
      post_local_id text not null,
      text text not null check (length(btrim(text)) between 1 and 2000),
      -- Who wrote it, as entered (a role or a staff member's name): the staff page has no
      -- personal accounts, only the organizer's passphrase.
      author text not null check (length(btrim(author)) between 1 and 120),
      created_at timestamptz not null default now(),
      -- Set by the database (question_steps): 1 when written, one more for each change.
      version integer not null default 1 check (version >= 1),
      updated_at timestamptz not null default now(),
      updated_by text check (length(btrim(updated_by)) between 1 and 120),
      deleted_at timestamptz,
      deleted_by text check (length(btrim(deleted_by)) between 1 and 120),
      primary key (round_id, id),
      unique (round_id, seq),
      unique (round_id, post_local_id, id),
      -- Deferred, as 0002's applications: a replaced draft deletes its round_posts and inserts
      -- them again (0001); it may keep a post under its local id, never drop one with questions.
      constraint round_questions_post foreign key (round_id, post_local_id)
        references round_posts (round_id, local_id) deferrable initially deferred,
      constraint round_questions_deleted check ((deleted_at is null) = (deleted_by is null))
    );
    -- No question twice in a round, in one bank or in two (no question used twice in a
    -- session): the same words are one question.
    create unique index round_questions_text on round_questions (round_id, md5(btrim(text)))
      where deleted_at is null;

    -- Every state of every question, written by the database as the question changes.
    create table round_question_versions (
      round_id text not null references rounds on delete cascade,
      question_id text not null,
      version integer not null check (version >= 1),
      action text not null check (action in ('created', 'edited', 'deleted')),
      text text not null,
      by text not null,
      at timestamptz not null,
      primary key (round_id, question_id, version)
    );

    -- A post's bank sealed (封存) before its draw: the canonical JSON of its questions in
    -- question order ([{"id":"Q1","text":"…"},…], shared/draw/question-bank.ts) and its
    -- SHA-256, which is published; and how many questions the draw takes (3–5).
    create table round_question_seals (
      round_id text not null references rounds on delete cascade,
      post_local_id text not null,
      count smallint not null check (count between 3 and 5),
      body text not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      -- The ids of body, in its order: the pool its draw must publish.
      question_ids jsonb not null check (jsonb_typeof(question_ids) = 'array'),
      sealed_at timestamptz not null default now(),
      primary key (round_id, post_local_id),
      constraint round_question_seals_post foreign key (round_id, post_local_id)
        references round_posts (round_id, local_id) deferrable initially deferred,
      constraint round_question_seals_count check (jsonb_array_length(question_ids) >= count)
    );

    -- Numbers a new question: the next of its round, one writer at a time.
    create function question_number() returns trigger language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(hashtextextended('round_questions:' || new.round_id, 0));
      select coalesce(max(seq), 0) + 1 into new.seq from round_questions where round_id = new.round_id;
      new.id := 'Q' || new.seq;
      new.version := 1;
      new.created_at := now();
      new.updated_at := now();
      new.updated_by := null;
      new.deleted_at := null;
      new.deleted_by := null;
      return new;
    end $$;

    -- A sealed bank takes no question and changes none (JP020). Runs after draft_only
    -- (triggers fire in name order), which holds the round's row shared: the seal holds it
    -- exclusively (seal_bank), so a change and a seal never pass each other.
    create function bank_open() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from round_question_seals
                 where round_id = new.round_id and post_local_id = new.post_local_id) then
        raise exception 'the question bank of post % of round % is sealed',
          new.post_local_id, new.round_id using errcode = 'JP020';
      end if;
      return new;
    end $$;

    -- Who wrote a question and when never change; its text changes as an edit (by someone
    -- named), and a deletion is a mark; a deleted question changes no more. A row goes only
    -- with its round.
    create function question_steps() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if not exists (select 1 from rounds where id = old.round_id) then
          return old;
        end if;
        raise exception 'questions are marked deleted, never removed' using errcode = 'JP004';
      end if;
      if new.round_id <> old.round_id or new.id <> old.id or new.seq <> old.seq
          or new.post_local_id <> old.post_local_id or new.author <> old.author
          or new.created_at <> old.created_at or old.deleted_at is not null then
        raise exception 'question % of round %: only its text changes, or it is deleted',
          old.id, old.round_id using errcode = 'JP004';
      end if;
      if new.deleted_at is null and new.updated_by is null then
        raise exception 'question % of round %: an edit names who made it', old.id, old.round_id
          using errcode = '23502';
      end if;
      new.version := old.version + 1;
      if new.deleted_at is not null then
        new.text := old.text;
        new.updated_at := old.updated_at;
        new.updated_by := old.updated_by;
        new.deleted_at := now();
      else
        new.updated_at := now();
      end if;
      return new;
    end $$;

    create function question_history() returns trigger language plpgsql as $$
    begin
      insert into round_question_versions (round_id, question_id, version, action, text, by, at)
      values (
        new.round_id, new.id, new.version,
        case when tg_op = 'INSERT' then 'created'
             when new.deleted_at is not null then 'deleted' else 'edited' end,
        new.text,
        case when tg_op = 'INSERT' then new.author
             when new.deleted_at is not null then new.deleted_by else new.updated_by end,
        coalesce(new.deleted_at, new.updated_at)
      );
      return null;
    end $$;

    create trigger draft_only before insert or update or delete on round_questions
      for each row execute function round_draft_guard();
    create trigger numbered before insert on round_questions
      for each row execute function question_number();
    create trigger sealed_bank before insert or update on round_questions
      for each row execute function bank_open();
    create trigger steps before update or delete on round_questions
      for each row execute function question_steps();
    create trigger history after insert or update on round_questions
      for each row execute function question_history();
    create trigger fixed before update or delete on round_question_versions
      for each row execute function keep_while_round();

    -- Sealing holds the round's row against the questions' shared hold (as 0002's closing of
    -- the review does), needs a draft, and seals exactly the post's questions as they stand:
    -- body lists them in question order, its digest is its SHA-256, question_ids its ids.
    create function seal_bank() returns trigger language plpgsql as $$
    declare
      s text;
      live jsonb;
    begin
      select status into s from rounds where id = new.round_id for no key update;
      if s is not null and s <> 'draft' then
        raise exception 'round % is frozen', new.round_id using errcode = 'JP003';
      end if;
      select coalesce(jsonb_agg(jsonb_build_object('id', id, 'text', text) order by seq), '[]')
        into live from round_questions
        where round_id = new.round_id and post_local_id = new.post_local_id and deleted_at is null;
      if new.body::jsonb <> live
          or new.question_ids <> (select coalesce(jsonb_agg(q -> 'id'), '[]')
                                  from jsonb_array_elements(live) q)
          or new.sha256 <> encode(sha256(convert_to(new.body, 'UTF8')), 'hex') then
        raise exception 'the seal of post % of round % is not its bank as it stands',
          new.post_local_id, new.round_id using errcode = 'JP020';
      end if;
      new.sealed_at := now();
      return new;
    end $$;
    create trigger sealing before insert on round_question_seals
      for each row execute function seal_bank();
    create trigger fixed before update or delete on round_question_seals
      for each row execute function keep_while_round();
  `.execute(db);
}

async function draws(db: Kysely<unknown>) {
  await sql`
    -- A public draw by RFC 3797 (docs/draw.md), in two steps: its pool is published first,
    -- with its digest, the digits of randomness it needs and the witnesses who will give
    -- them; then the witnesses' numbers make its record (the jingpin-draw/1 file). Numbered
    -- 1, 2, … per round. A published draw not yet drawn may be replaced by a new publication
    -- (superseded_at), as may a speaking-order draw whose candidates changed; each slot (the
    -- speaking order, each post's questions) has one draw in force.
    create table round_draws (
      round_id text not null references rounds on delete cascade,
      id integer not null check (id >= 1),
      purpose text not null check (purpose in ('speaking-order', 'questions')),
      post_local_id text,
      pool jsonb not null check (
        jsonb_typeof(pool) = 'array' and jsonb_array_length(pool) between 1 and 65536
      ),
      pool_digest text not null check (pool_digest ~ '^[0-9a-f]{64}$'),
      picks integer not null check (picks >= 1),
      digits_needed integer not null check (digits_needed >= 5),
      -- Two or more named witnesses, one source of numbers each, in the announced order.
      witnesses jsonb not null check (
        jsonb_typeof(witnesses) = 'array' and jsonb_array_length(witnesses) between 2 and 10
      ),
      published_at timestamptz not null default now(),
      record jsonb,
      drawn_at timestamptz,
      superseded_at timestamptz,
      primary key (round_id, id),
      constraint round_draws_post check ((purpose = 'questions') = (post_local_id is not null)),
      constraint round_draws_question_post foreign key (round_id, post_local_id)
        references round_posts (round_id, local_id) deferrable initially deferred,
      constraint round_draws_picks check (picks <= jsonb_array_length(pool)),
      constraint round_draws_drawn check ((record is null) = (drawn_at is null)),
      -- The record is of this draw: its published inputs, one source per witness, one
      -- result per pick. verifyDrawRecord checks its steps; anyone can, from the file.
      constraint round_draws_record check (
        record is null or (
          record ->> 'format' = 'jingpin-draw/1'
          and record ->> 'purpose' = purpose
          and record -> 'pool' = pool
          and record ->> 'poolDigest' = pool_digest
          and record -> 'picks' = to_jsonb(picks)
          and record -> 'witnesses' = witnesses
          and jsonb_array_length(record -> 'sources') = jsonb_array_length(witnesses)
          and jsonb_array_length(record -> 'result') = picks
        )
      )
    );
    create unique index round_draws_in_force on round_draws
      (round_id, purpose, coalesce(post_local_id, '')) where superseded_at is null;

    create function draw_number() returns trigger language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(hashtextextended('round_draws:' || new.round_id, 0));
      select coalesce(max(id), 0) + 1 into new.id from round_draws where round_id = new.round_id;
      new.published_at := now();
      return new;
    end $$;

    -- What is published is drawn from (JP021): a post's questions draw publishes exactly the
    -- sealed bank (its ids in question order, as many picks as the seal says); a speaking
    -- order publishes the round's candidates, their ids in code point order, all of them.
    create function draw_pool() returns trigger language plpgsql as $$
    begin
      if new.purpose = 'questions' then
        if not exists (select 1 from round_question_seals s
                       where s.round_id = new.round_id and s.post_local_id = new.post_local_id
                         and s.question_ids = new.pool and s.count = new.picks) then
          raise exception 'the pool of draw % of round % is not the sealed bank of post %',
            new.id, new.round_id, new.post_local_id using errcode = 'JP021';
        end if;
      elsif new.pool is distinct from (
          select jsonb_agg(c -> 'id' order by c ->> 'id' collate "C")
          from rounds r, jsonb_array_elements(r.config -> 'candidates') c
          where r.id = new.round_id)
        or new.picks <> jsonb_array_length(new.pool) then
        raise exception 'the pool of draw % of round % is not its candidates', new.id, new.round_id
          using errcode = 'JP021';
      end if;
      return new;
    end $$;

    -- The published inputs never change; the record is written once, to a draw in force; a
    -- draw is superseded once, and a drawn questions draw never (its questions are drawn).
    -- A row goes only with its round.
    create function draw_steps() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if not exists (select 1 from rounds where id = old.round_id) then
          return old;
        end if;
        raise exception 'draws are kept' using errcode = 'JP004';
      end if;
      if (new.round_id, new.id, new.purpose, new.post_local_id, new.pool, new.pool_digest,
          new.picks, new.digits_needed, new.witnesses, new.published_at)
         is distinct from (old.round_id, old.id, old.purpose, old.post_local_id, old.pool,
          old.pool_digest, old.picks, old.digits_needed, old.witnesses, old.published_at) then
        raise exception 'draw % of round %: what was published never changes', old.id, old.round_id
          using errcode = 'JP004';
      end if;
      if old.superseded_at is not null
          or (old.record is not null and (new.record is distinct from old.record
                                          or new.drawn_at is distinct from old.drawn_at))
          or (new.record is not null and new.superseded_at is not null and old.record is null)
          or (old.purpose = 'questions' and old.record is not null and new.superseded_at is not null) then
        raise exception 'draw % of round % is drawn once, while in force', old.id, old.round_id
          using errcode = 'JP022';
      end if;
      if new.record is not null and old.record is null then
        new.drawn_at := now();
      end if;
      return new;
    end $$;

    create trigger draft_only before insert or update or delete on round_draws
      for each row execute function round_draft_guard();
    create trigger numbered before insert on round_draws
      for each row execute function draw_number();
    create trigger pool before insert on round_draws
      for each row execute function draw_pool();
    create trigger steps before update or delete on round_draws
      for each row execute function draw_steps();

    -- The questions drawn for a post, in the order drawn: exactly its draw's result (JP023).
    -- A question is drawn once in a round (round_drawn_questions_once).
    create table round_drawn_questions (
      round_id text not null references rounds on delete cascade,
      post_local_id text not null,
      position smallint not null check (position between 1 and 5),
      question_id text not null,
      draw_id integer not null,
      primary key (round_id, post_local_id, position),
      constraint round_drawn_questions_once unique (round_id, question_id),
      foreign key (round_id, draw_id) references round_draws (round_id, id) on delete cascade,
      foreign key (round_id, post_local_id, question_id)
        references round_questions (round_id, post_local_id, id) on delete cascade
    );
    create function drawn_as_recorded() returns trigger language plpgsql as $$
    begin
      if not exists (
        select 1 from round_draws d
        where d.round_id = new.round_id and d.id = new.draw_id and d.purpose = 'questions'
          and d.post_local_id = new.post_local_id and d.superseded_at is null
          and d.record -> 'result' ->> (new.position - 1) = new.question_id
      ) then
        raise exception 'question % is not drawn at % by draw % of round %',
          new.question_id, new.position, new.draw_id, new.round_id using errcode = 'JP023';
      end if;
      return new;
    end $$;
    create trigger draft_only before insert on round_drawn_questions
      for each row execute function round_draft_guard();
    create trigger recorded before insert on round_drawn_questions
      for each row execute function drawn_as_recorded();
    create trigger fixed before update or delete on round_drawn_questions
      for each row execute function keep_while_round();

    -- A speaking order set by hand instead of drawn (手动设定), with the reason; each one
    -- kept. The round file's speakingOrder is the order in force.
    create table round_manual_orders (
      round_id text not null references rounds on delete cascade,
      id bigint generated always as identity primary key,
      speaking_order jsonb not null check (
        jsonb_typeof(speaking_order) = 'array' and jsonb_array_length(speaking_order) >= 1
      ),
      reason text not null check (length(btrim(reason)) between 2 and 500),
      set_at timestamptz not null default now()
    );
    create index round_manual_orders_round on round_manual_orders (round_id, id);
    create trigger draft_only before insert on round_manual_orders
      for each row execute function round_draft_guard();
    create trigger fixed before update or delete on round_manual_orders
      for each row execute function keep_while_round();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("records are kept: restore a backup instead of migrating down");
}
