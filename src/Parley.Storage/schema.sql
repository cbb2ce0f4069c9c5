-- Parley tournament results, schema version 1. The same statements run on SQLite and PostgreSQL.
-- Documented in docs/tournaments.md. A negotiation is pending until its row in results exists; each negotiation has at
-- most one row there (primary key), which is what makes resume exactly-once.
CREATE TABLE IF NOT EXISTS parley_schema (
    version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tournaments (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    spec_file TEXT NOT NULL,
    spec_text TEXT NOT NULL,
    protocol TEXT NOT NULL,
    seed BIGINT NOT NULL,
    repetitions INTEGER NOT NULL,
    rotate_roles INTEGER NOT NULL,
    self_play INTEGER NOT NULL,
    negotiation_count INTEGER NOT NULL,
    created_utc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS negotiators (
    tournament_id BIGINT NOT NULL REFERENCES tournaments (id),
    negotiator_index INTEGER NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    parameters TEXT NOT NULL,
    PRIMARY KEY (tournament_id, negotiator_index)
);
CREATE TABLE IF NOT EXISTS scenarios (
    tournament_id BIGINT NOT NULL REFERENCES tournaments (id),
    scenario_index INTEGER NOT NULL,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    party_count INTEGER NOT NULL,
    PRIMARY KEY (tournament_id, scenario_index)
);
CREATE TABLE IF NOT EXISTS negotiations (
    tournament_id BIGINT NOT NULL REFERENCES tournaments (id),
    negotiation_index INTEGER NOT NULL,
    scenario_index INTEGER NOT NULL,
    rotation INTEGER NOT NULL,
    repetition INTEGER NOT NULL,
    seed BIGINT NOT NULL,
    PRIMARY KEY (tournament_id, negotiation_index)
);
CREATE TABLE IF NOT EXISTS seats (
    tournament_id BIGINT NOT NULL,
    negotiation_index INTEGER NOT NULL,
    seat INTEGER NOT NULL,
    party TEXT NOT NULL,
    negotiator_index INTEGER NOT NULL,
    PRIMARY KEY (tournament_id, negotiation_index, seat)
);
CREATE TABLE IF NOT EXISTS results (
    tournament_id BIGINT NOT NULL,
    negotiation_index INTEGER NOT NULL,
    status TEXT NOT NULL,
    agreement TEXT,
    rounds INTEGER NOT NULL,
    steps INTEGER NOT NULL,
    end_time DOUBLE PRECISION NOT NULL,
    welfare DOUBLE PRECISION NOT NULL,
    distance_to_pareto DOUBLE PRECISION,
    distance_to_nash DOUBLE PRECISION,
    failure_kind TEXT,
    failure_seat INTEGER,
    failure_reason TEXT,
    elapsed_ms DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (tournament_id, negotiation_index)
);
CREATE TABLE IF NOT EXISTS result_utilities (
    tournament_id BIGINT NOT NULL,
    negotiation_index INTEGER NOT NULL,
    seat INTEGER NOT NULL,
    utility DOUBLE PRECISION NOT NULL,
    undiscounted_utility DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (tournament_id, negotiation_index, seat)
);
-- Accuracy of the opponent model of each seat whose negotiator exposes one (docs/tournaments.md): Pearson and Kendall
-- correlation of modelled and true opponent utility over the outcomes, Pareto-frontier estimation error (bilateral).
CREATE TABLE IF NOT EXISTS result_models (
    tournament_id BIGINT NOT NULL,
    negotiation_index INTEGER NOT NULL,
    seat INTEGER NOT NULL,
    pearson DOUBLE PRECISION,
    kendall DOUBLE PRECISION,
    pareto_error DOUBLE PRECISION,
    PRIMARY KEY (tournament_id, negotiation_index, seat)
);
-- Sessions with people at the table (parley serve, docs/human.md): one row per session, one per thing that happened in
-- it (source 'person': claims, views opened, edits, moves, refusals; source 'engine': every transcript entry).
CREATE TABLE IF NOT EXISTS human_sessions (
    id TEXT PRIMARY KEY,
    created_utc TEXT NOT NULL,
    scenario TEXT NOT NULL,
    protocol TEXT NOT NULL,
    condition_name TEXT,
    seed BIGINT NOT NULL,
    rounds INTEGER,
    minutes DOUBLE PRECISION,
    seats TEXT NOT NULL,
    status TEXT,
    agreement TEXT,
    ended_utc TEXT
);
CREATE TABLE IF NOT EXISTS human_session_actions (
    session_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at_utc TEXT NOT NULL,
    source TEXT NOT NULL,
    seat TEXT NOT NULL,
    kind TEXT NOT NULL,
    round INTEGER,
    t DOUBLE PRECISION,
    outcome TEXT,
    detail TEXT,
    PRIMARY KEY (session_id, seq)
);
