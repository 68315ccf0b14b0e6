-- Locale variants of a library Template: { "<locale>": "<body>" }. The
-- Customer's locale picks one (exact locale, then language), else the body.
alter table templates add column variants jsonb not null default '{}';
