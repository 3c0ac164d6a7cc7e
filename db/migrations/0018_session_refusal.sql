-- A request's first statement sets its claims and role and checks its session
-- (functions/database/transactions.ts). It used to answer whether the session was
-- active, and the API refused the request after reading that answer: a round trip of
-- its own before the request's statement could be sent. Now the statement itself fails
-- when the session has ended, so the request's statement can travel in the same write
-- (or the same HTTP transaction, on Neon) and never runs for an ended session: the
-- transaction is aborted before it.
--
-- SQLSTATE PS401 is PAM's own (class PS is not used by Postgres); the API answers it
-- with 401 "This session has ended" (functions/database/errors.ts).
create function private.refuse_ended_session() returns text
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'This session has ended. Sign in again.' using errcode = 'PS401';
end
$$;
comment on function private.refuse_ended_session() is
  'Raised from the claims statement when private.begin_request finds the session ended; not granted to API roles.';
revoke all on function private.refuse_ended_session() from public;
