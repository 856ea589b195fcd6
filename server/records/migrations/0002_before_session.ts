import { type Kysely, sql } from "kysely";

/**
 * Before the session (issue 8): the staff register with its declared relationships, the
 * terms of a round's posts and their published announcements, and the applications with
 * their review. As in 0001, every rule the database can hold is here, so a request that
 * breaks one is refused by PostgreSQL whatever the code in front of it. 0001's objects keep
 * their definitions; two things are added to them: a unique index on `people` (for the
 * register's foreign key) and a deferred trigger on `round_posts` (a dropped post's terms go).
 *
 * A landed migration is never edited (test/unit/migrations.test.ts): a change is a new file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await staffRegister(db);
  await postTerms(db);
  await applications(db);
}

async function staffRegister(db: Kysely<unknown>) {
  await sql`
    -- The register copies a person's staff number and this key keeps the copy in step: a
    -- registered person always has one (setting it to null is refused, changing it cascades).
    create unique index people_id_staff_no on people (id, staff_no);

    -- The staff register (人员名册): what the qualification review checks, one row per person,
    -- kept across imports and rounds (shared/setup/person.ts). Name lives on people.
    create table staff_register (
      person_id uuid primary key,
      staff_no text not null unique,
      sex text not null check (sex in ('male', 'female')),
      birth_date date not null,
      department_id uuid not null references departments,
      current_post text not null check (length(current_post) <= 120),
      grade text not null check (length(grade) <= 60),
      grade_since date,
      work_start date not null,
      grassroots_years numeric not null check (grassroots_years between 0 and 60),
      education text not null check (
        education in ('high-school', 'technical', 'college', 'bachelor', 'master', 'doctor')
      ),
      -- { "2024": "excellent", ... }: four-digit years to one of the four grades.
      review_grades jsonb not null check (
        jsonb_typeof(review_grades) = 'object'
        and not jsonb_path_exists(review_grades, '$.keyvalue() ? (!(@.key like_regex "^[0-9]{4}$"))')
        and not jsonb_path_exists(review_grades,
          '$.* ? (!(@ == "excellent" || @ == "competent" || @ == "basic" || @ == "incompetent"))')
      ),
      -- [{ "kind": "warning", "from": "2025-03-01" }, ...], at most 20.
      penalties jsonb not null check (
        jsonb_typeof(penalties) = 'array' and jsonb_array_length(penalties) <= 20
        and not jsonb_path_exists(penalties, '$[*] ? (!(@.kind == "warning" || @.kind == "demerit"
          || @.kind == "major-demerit" || @.kind == "demotion" || @.kind == "removal")
          || !(@.from like_regex "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))')
      ),
      voter_group text not null check (voter_group in ('leaders', 'middle', 'staff')),
      updated_at timestamptz not null default now(),
      foreign key (person_id, staff_no) references people (id, staff_no) on update cascade
    );
    create index staff_register_department on staff_register (department_id);

    -- Declared relationships (亲属关系), for avoidance. Symmetric, so a pair is stored once,
    -- the smaller id first, with one relation.
    create table staff_relationships (
      person_a uuid not null references staff_register,
      person_b uuid not null references staff_register,
      relation text not null check (relation in ('spouse', 'lineal', 'collateral', 'in-law')),
      primary key (person_a, person_b),
      constraint staff_relationships_one_way check (person_a < person_b)
    );
    create index staff_relationships_b on staff_relationships (person_b);

    -- One row per import of a register file, with what it changed. Never changed itself.
    create table register_imports (
      id bigint generated always as identity primary key,
      file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
      rows integer not null check (rows >= 0),
      created integer not null check (created >= 0),
      updated integer not null check (updated >= 0),
      unchanged integer not null check (unchanged >= 0),
      relationships_added integer not null check (relationships_added >= 0),
      relationships_changed integer not null check (relationships_changed >= 0),
      relationships_removed integer not null check (relationships_removed >= 0),
      at timestamptz not null default now(),
      constraint register_imports_counted check (created + updated + unchanged = rows)
    );
    create trigger register_imports_fixed before update or delete on register_imports
      for each row execute function refuse_update();
  `.execute(db);
}

async function postTerms(db: Kysely<unknown>) {
  await sql`
    -- What 0001's round_part_guard does, holding the round's row while it checks: a round
    -- whose session starts meanwhile (an UPDATE of that row) waits for this change to commit,
    -- or this change waits for the start and then sees the round frozen.
    create function round_draft_guard() returns trigger language plpgsql as $$
    declare
      s text;
    begin
      select status into s from rounds where id = coalesce(new.round_id, old.round_id) for share;
      if s is not null and s <> 'draft' then
        raise exception 'round % is frozen', coalesce(new.round_id, old.round_id)
          using errcode = 'JP003';
      end if;
      return coalesce(new, old);
    end $$;

    -- Rows that are never changed and go only with their round (a deleted draft or rehearsal
    -- round; a cascade runs after the round's row is gone).
    create function keep_while_round() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and not exists (select 1 from rounds where id = old.round_id) then
        return old;
      end if;
      raise exception '% rows are never changed', tg_table_name using errcode = 'JP004';
    end $$;

    -- The terms of a round's posts, beside round_posts (which a replaced draft deletes and
    -- inserts again, 0001): department, term (聘期), duties and conditions.
    create table round_post_terms (
      round_id text not null references rounds on delete cascade,
      local_id text not null,
      -- The post's department for this round; null: the one its round file gives, if any.
      department_id uuid references departments,
      term_years smallint not null default 2 check (term_years between 1 and 10),
      duties text not null default '' check (length(duties) <= 2000),
      conditions_text text not null default '' check (length(conditions_text) <= 2000),
      -- shared/setup/post-conditions.ts: an object of these keys only.
      conditions jsonb not null default '{}' check (
        jsonb_typeof(conditions) = 'object'
        and conditions - '{minWorkYears,minGrassrootsYears,minGradeYears,minEducation,maxAge,reviewGrades,noActivePenalty}'::text[]
          = '{}'::jsonb
      ),
      sort_order integer not null check (sort_order >= 0),
      primary key (round_id, local_id),
      unique (round_id, sort_order)
    );

    -- The terms' post must be a post of the round. Not a foreign key: a replaced draft deletes
    -- its round_posts and inserts them again in one transaction, which a cascade would take
    -- the terms with; instead the terms of a post the replaced draft no longer has are
    -- dropped when it commits (round_post_dropped, below).
    create function round_post_exists() returns trigger language plpgsql as $$
    begin
      perform 1 from round_posts where round_id = new.round_id and local_id = new.local_id
        for key share;
      if not found then
        raise exception 'round % has no post %', new.round_id, new.local_id
          using errcode = '23503';
      end if;
      return new;
    end $$;
    -- Triggers of one event fire in name order: draft_only first, so the round is held
    -- before the post is looked up.
    create trigger draft_only before insert or update or delete on round_post_terms
      for each row execute function round_draft_guard();
    create trigger post_exists before insert or update on round_post_terms
      for each row execute function round_post_exists();

    create function round_post_dropped() returns trigger language plpgsql as $$
    begin
      delete from round_post_terms t
        where t.round_id = old.round_id and t.local_id = old.local_id
          and not exists (select 1 from round_posts p
                          where p.round_id = old.round_id and p.local_id = old.local_id);
      return null;
    end $$;
    create constraint trigger round_post_dropped after delete on round_posts
      deferrable initially deferred for each row execute function round_post_dropped();

    -- The published announcement (公告) of a round's posts: each publication a new dated
    -- version with a snapshot of the posts as published, never changed afterwards.
    create table round_announcements (
      round_id text not null references rounds on delete cascade,
      -- 1, 2, 3, … per round, set by the database (announcement_version).
      version integer not null check (version >= 1),
      published_at timestamptz not null default now(),
      -- The day the conditions are checked on (ages, years of work), and the last day to apply.
      reference_date date not null,
      apply_until date not null,
      body jsonb not null check (coalesce(jsonb_typeof(body -> 'posts'), '') = 'array'),
      primary key (round_id, version)
    );
    -- One publication of a round at a time takes the next number: no gap, no duplicate.
    create function announcement_version() returns trigger language plpgsql as $$
    begin
      perform pg_advisory_xact_lock(hashtextextended('round_announcements:' || new.round_id, 0));
      select coalesce(max(version), 0) + 1 into new.version
        from round_announcements where round_id = new.round_id;
      return new;
    end $$;
    create trigger draft_only before insert on round_announcements
      for each row execute function round_draft_guard();
    create trigger numbered before insert on round_announcements
      for each row execute function announcement_version();
    create trigger fixed before update or delete on round_announcements
      for each row execute function keep_while_round();
  `.execute(db);
}

async function applications(db: Kysely<unknown>) {
  await sql`
    -- A round's qualification review, closed (资格审查结束) once: the names are then fixed.
    create table round_reviews (
      round_id text primary key references rounds on delete cascade,
      closed_at timestamptz not null default now()
    );

    -- Nominations and applications (报名、推荐), one per person and post of a round.
    create table round_applications (
      id uuid primary key default gen_random_uuid(),
      round_id text not null references rounds on delete cascade,
      person_id uuid not null references staff_register,
      post_local_id text not null,
      -- 自荐, 群众推荐 (with how many staff recommended), 组织推荐.
      source text not null check (source in ('self', 'staff', 'party')),
      staff_count integer check (staff_count between 1 and 100000),
      -- First or second choice, taken when the nominee accepts.
      preference smallint,
      status text not null default 'nominated'
        check (status in ('nominated', 'applied', 'withdrawn', 'passed', 'rejected')),
      reason text check (length(reason) <= 2000),
      -- The condition checks as the reviewer saw them when deciding.
      checks jsonb,
      -- The reviewer's staff number (whose avoidance was checked against the register).
      decided_by text references staff_register (staff_no) on update cascade,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      accepted_at timestamptz,
      withdrawn_at timestamptz,
      -- Deferred: a replaced draft deletes its round_posts and inserts them again (0001); it
      -- may keep a post under its local id, never drop one that has applications.
      constraint round_applications_post foreign key (round_id, post_local_id)
        references round_posts (round_id, local_id) deferrable initially deferred,
      constraint round_applications_once unique (round_id, person_id, post_local_id),
      constraint round_applications_staff_count check ((source = 'staff') = (staff_count is not null)),
      -- Two places per person and round (每人限报两个岗位): preference 1 or 2, each held
      -- once (round_applications_two_places, below).
      constraint round_applications_preference check (preference in (1, 2)),
      constraint round_applications_accepted check (
        (preference is null) = (accepted_at is null)
        and (status <> 'nominated' or preference is null)
        and (status not in ('applied', 'passed', 'rejected') or preference is not null)
      ),
      constraint round_applications_withdrawn check ((status = 'withdrawn') = (withdrawn_at is not null)),
      constraint round_applications_decided check (
        (status not in ('passed', 'rejected')
          or (decided_by is not null and decided_at is not null and checks is not null))
        and (status not in ('nominated', 'applied')
          or (decided_by is null and decided_at is null and checks is null))
      ),
      constraint round_applications_reason check (
        status <> 'rejected' or coalesce(btrim(reason), '') <> ''
      )
    );
    -- The two places. An application holds its place from acceptance on, rejected included:
    -- the limit is on what a person applies for, so a rejected application does not open a
    -- third try; only a withdrawal (before the review closes) frees its place. A nomination
    -- not yet accepted holds none (its preference is null).
    create unique index round_applications_two_places on round_applications
      (round_id, person_id, preference) where status <> 'withdrawn';
    create index round_applications_person on round_applications (person_id);
    create index round_applications_post_idx on round_applications (round_id, post_local_id);

    -- The steps of an application: nominated → applied (accepted) or withdrawn (declined);
    -- applied → passed, rejected or withdrawn; a decision may be revised while the review is
    -- open, a passed application withdrawn; withdrawn is final. Who, which post, the source
    -- and a taken preference never change; a row goes only with its round.
    create function application_steps() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if not exists (select 1 from rounds where id = old.round_id) then
          return old;
        end if;
        raise exception 'applications are withdrawn, never deleted' using errcode = 'JP004';
      end if;
      if tg_op = 'INSERT' then
        if new.status <> 'nominated' then
          raise exception 'an application starts as a nomination' using errcode = 'JP002';
        end if;
        -- Only a post of the round's latest announcement takes nominations.
        if not exists (
          select 1 from round_announcements a
          where a.round_id = new.round_id
            and a.version = (select max(version) from round_announcements where round_id = new.round_id)
            and a.body -> 'posts' @> jsonb_build_array(jsonb_build_object('localId', new.post_local_id))
        ) then
          raise exception 'post % of round % is not announced', new.post_local_id, new.round_id
            using errcode = 'JP008';
        end if;
        return new;
      end if;
      if new.round_id <> old.round_id or new.person_id <> old.person_id
          or new.post_local_id <> old.post_local_id or new.source <> old.source
          or new.staff_count is distinct from old.staff_count or new.created_at <> old.created_at
          or (old.preference is not null and new.preference is distinct from old.preference) then
        raise exception 'application %: only its status changes', old.id using errcode = 'JP004';
      end if;
      if not ((old.status = 'nominated' and new.status in ('applied', 'withdrawn'))
              or (old.status = 'applied' and new.status in ('passed', 'rejected', 'withdrawn'))
              or (old.status = 'passed' and new.status in ('passed', 'rejected', 'withdrawn'))
              or (old.status = 'rejected' and new.status in ('rejected', 'passed'))) then
        raise exception 'application % cannot go from % to %', old.id, old.status, new.status
          using errcode = 'JP002';
      end if;
      return new;
    end $$;

    -- Once the review is closed nothing of the round's applications changes: no nomination,
    -- acceptance, decision or withdrawal (JP006). The round's row, held by draft_only, orders
    -- this check after a closing that committed first (close_review holds it too).
    create function review_open() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from round_reviews where round_id = new.round_id) then
        raise exception 'the review of round % is closed', new.round_id using errcode = 'JP006';
      end if;
      return new;
    end $$;

    create trigger draft_only before insert or update or delete on round_applications
      for each row execute function round_draft_guard();
    create trigger review_open before insert or update on round_applications
      for each row execute function review_open();
    create trigger steps before insert or update or delete on round_applications
      for each row execute function application_steps();

    -- A reviewer does not decide on their own application nor on a declared relative's
    -- (回避, 公务员法 Arts. 74–77), JP009. Who else must step aside (a direct superior, say)
    -- the register does not say: that fuller rule is the caller's.
    create function unrelated_reviewer() returns trigger language plpgsql as $$
    declare
      reviewer uuid;
    begin
      if new.decided_by is null or new.decided_at is not distinct from old.decided_at then
        return new;
      end if;
      select person_id into reviewer from staff_register where staff_no = new.decided_by;
      if reviewer = new.person_id or exists (
        select 1 from staff_relationships
        where person_a = least(reviewer, new.person_id)
          and person_b = greatest(reviewer, new.person_id)
      ) then
        raise exception 'reviewer % steps aside for application %', new.decided_by, new.id
          using errcode = 'JP009';
      end if;
      return new;
    end $$;
    -- After steps (triggers fire in name order): a step out of order is told as such first.
    create trigger unrelated_reviewer before update on round_applications
      for each row execute function unrelated_reviewer();

    -- Closing takes the round's row exclusively (against the applications' shared hold), so
    -- no change of an application lands in between; it needs every application decided
    -- (JP007) and a draft round.
    create function close_review() returns trigger language plpgsql as $$
    declare
      s text;
    begin
      select status into s from rounds where id = new.round_id for no key update;
      if s is not null and s <> 'draft' then
        raise exception 'round % is frozen', new.round_id using errcode = 'JP003';
      end if;
      if exists (select 1 from round_applications where round_id = new.round_id and status = 'applied') then
        raise exception 'round % has applications awaiting a decision', new.round_id
          using errcode = 'JP007';
      end if;
      return new;
    end $$;
    create trigger closing before insert on round_reviews
      for each row execute function close_review();
    create trigger fixed before update or delete on round_reviews
      for each row execute function keep_while_round();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("records are kept: restore a backup instead of migrating down");
}
