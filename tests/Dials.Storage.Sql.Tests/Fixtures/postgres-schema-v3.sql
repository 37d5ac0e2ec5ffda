-- PostgreSQL study tables written by Dials at schema version 3 (before trials kept value vectors and constraints):
-- pg_dump --schema=dials_fixture --no-owner --no-privileges --inserts of TodaysFixture.Write through PostgresStorage.
-- Edited only to run as one plain SQL script: psql's \restrict lines and CREATE SCHEMA removed (the test makes the schema).
-- A test replaces dials_fixture with a schema of its own.
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: dials_fixture; Type: SCHEMA; Schema: -; Owner: -
--



SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: dials_intermediate_values; Type: TABLE; Schema: dials_fixture; Owner: -
--

CREATE TABLE dials_fixture.dials_intermediate_values (
    study_id bigint NOT NULL,
    number integer NOT NULL,
    step bigint NOT NULL,
    value double precision
);


--
-- Name: dials_queued_points; Type: TABLE; Schema: dials_fixture; Owner: -
--

CREATE TABLE dials_fixture.dials_queued_points (
    id bigint NOT NULL,
    study_id bigint NOT NULL,
    point text NOT NULL,
    reason text,
    creator text
);


--
-- Name: dials_queued_points_id_seq; Type: SEQUENCE; Schema: dials_fixture; Owner: -
--

ALTER TABLE dials_fixture.dials_queued_points ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dials_fixture.dials_queued_points_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: dials_schema_version; Type: TABLE; Schema: dials_fixture; Owner: -
--

CREATE TABLE dials_fixture.dials_schema_version (
    version integer NOT NULL
);


--
-- Name: dials_studies; Type: TABLE; Schema: dials_fixture; Owner: -
--

CREATE TABLE dials_fixture.dials_studies (
    id bigint NOT NULL,
    name text NOT NULL,
    direction text NOT NULL,
    space_signature text NOT NULL,
    next_trial integer NOT NULL,
    change_seq bigint DEFAULT 0 NOT NULL
);


--
-- Name: dials_studies_id_seq; Type: SEQUENCE; Schema: dials_fixture; Owner: -
--

ALTER TABLE dials_fixture.dials_studies ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME dials_fixture.dials_studies_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: dials_trials; Type: TABLE; Schema: dials_fixture; Owner: -
--

CREATE TABLE dials_fixture.dials_trials (
    study_id bigint NOT NULL,
    number integer NOT NULL,
    state text NOT NULL,
    point text,
    value double precision,
    start_utc_ticks bigint NOT NULL,
    start_offset_minutes integer NOT NULL,
    last_seen_utc_ticks bigint NOT NULL,
    duration_ticks bigint,
    fail_reason text,
    strategy text,
    strategy_reason text,
    change_seq bigint DEFAULT 0 NOT NULL,
    creator text
);


--
-- Data for Name: dials_intermediate_values; Type: TABLE DATA; Schema: dials_fixture; Owner: -
--

INSERT INTO dials_fixture.dials_intermediate_values VALUES (1, 0, 1, 0.5);
INSERT INTO dials_fixture.dials_intermediate_values VALUES (1, 0, 2, 0.25);
INSERT INTO dials_fixture.dials_intermediate_values VALUES (1, 1, 1, 0.9);
INSERT INTO dials_fixture.dials_intermediate_values VALUES (1, 4, 5, -1e-300);


--
-- Data for Name: dials_queued_points; Type: TABLE DATA; Schema: dials_fixture; Owner: -
--

INSERT INTO dials_fixture.dials_queued_points OVERRIDING SYSTEM VALUE VALUES (2, 1, '[0.3,5]', 'retry of trial 3', '8d912cf5db164b4dbbfcbd0b94865f41');


--
-- Data for Name: dials_schema_version; Type: TABLE DATA; Schema: dials_fixture; Owner: -
--

INSERT INTO dials_fixture.dials_schema_version VALUES (3);


--
-- Data for Name: dials_studies; Type: TABLE DATA; Schema: dials_fixture; Owner: -
--

INSERT INTO dials_fixture.dials_studies OVERRIDING SYSTEM VALUE VALUES (1, 'fixture', 'Minimize', 'x: float in [0, 1]; y: int in [1, 8]', 5, 17);
INSERT INTO dials_fixture.dials_studies OVERRIDING SYSTEM VALUE VALUES (2, 'other', 'Maximize', 'x: float in [0, 1]', 1, 3);


--
-- Data for Name: dials_trials; Type: TABLE DATA; Schema: dials_fixture; Owner: -
--

INSERT INTO dials_fixture.dials_trials VALUES (1, 0, 'Complete', '[0.9,1]', 0.30000000000000004, 639316044000000000, 60, 639316044000000000, 30000000, NULL, 'queued', 'baseline', 4, '9edf70257277447b8d0ae03fc5fa3339');
INSERT INTO dials_fixture.dials_trials VALUES (1, 1, 'Pruned', '[0.75,null]', NULL, 639316044050000000, 60, 639316044050000000, 10000000, NULL, 'random', NULL, 8, '8374091207be46f58850c617a3e06226');
INSERT INTO dials_fixture.dials_trials VALUES (1, 2, 'Failed', '[0.5,4]', NULL, 639316044070000000, 60, 639316044070000000, 20000000, 'boom', 'TPE', 'model of 2 trials', 11, '873db97e081a4b529b2d94055e1c187b');
INSERT INTO dials_fixture.dials_trials VALUES (1, 4, 'Complete', '[0.125,2]', -0, 639316044110000000, 60, 639316044110000000, 15000, NULL, 'GP', 'expected improvement 0.01', 17, '23d85cc050ef418caa6b226c3f3b9c02');
INSERT INTO dials_fixture.dials_trials VALUES (1, 3, 'Running', '[0.3333333333333333,7]', NULL, 639316044090000000, 60, 639316044120000000, NULL, NULL, 'TPE', NULL, 13, '0e3e2a8b404c4a3aa241c2d13c0ae72c');
INSERT INTO dials_fixture.dials_trials VALUES (2, 0, 'Complete', '[0.5]', 2.5, 639316044600000000, 60, 639316044600000000, 10000000, NULL, 'random', NULL, 3, 'e760dd08a8674050b81cdb54acbf3c05');


--
-- Name: dials_queued_points_id_seq; Type: SEQUENCE SET; Schema: dials_fixture; Owner: -
--

SELECT pg_catalog.setval('dials_fixture.dials_queued_points_id_seq', 2, true);


--
-- Name: dials_studies_id_seq; Type: SEQUENCE SET; Schema: dials_fixture; Owner: -
--

SELECT pg_catalog.setval('dials_fixture.dials_studies_id_seq', 2, true);


--
-- Name: dials_intermediate_values dials_intermediate_values_pkey; Type: CONSTRAINT; Schema: dials_fixture; Owner: -
--

ALTER TABLE ONLY dials_fixture.dials_intermediate_values
    ADD CONSTRAINT dials_intermediate_values_pkey PRIMARY KEY (study_id, number, step);


--
-- Name: dials_queued_points dials_queued_points_pkey; Type: CONSTRAINT; Schema: dials_fixture; Owner: -
--

ALTER TABLE ONLY dials_fixture.dials_queued_points
    ADD CONSTRAINT dials_queued_points_pkey PRIMARY KEY (id);


--
-- Name: dials_studies dials_studies_name_key; Type: CONSTRAINT; Schema: dials_fixture; Owner: -
--

ALTER TABLE ONLY dials_fixture.dials_studies
    ADD CONSTRAINT dials_studies_name_key UNIQUE (name);


--
-- Name: dials_studies dials_studies_pkey; Type: CONSTRAINT; Schema: dials_fixture; Owner: -
--

ALTER TABLE ONLY dials_fixture.dials_studies
    ADD CONSTRAINT dials_studies_pkey PRIMARY KEY (id);


--
-- Name: dials_trials dials_trials_pkey; Type: CONSTRAINT; Schema: dials_fixture; Owner: -
--

ALTER TABLE ONLY dials_fixture.dials_trials
    ADD CONSTRAINT dials_trials_pkey PRIMARY KEY (study_id, number);


--
-- Name: dials_trials_by_change; Type: INDEX; Schema: dials_fixture; Owner: -
--

CREATE INDEX dials_trials_by_change ON dials_fixture.dials_trials USING btree (study_id, change_seq);


--
-- Name: dials_trials_running; Type: INDEX; Schema: dials_fixture; Owner: -
--

CREATE INDEX dials_trials_running ON dials_fixture.dials_trials USING btree (study_id, last_seen_utc_ticks) WHERE (state = 'Running'::text);


--
-- Name: dials_intermediate_values dials_intermediate_values_study_id_number_fkey; Type: FK CONSTRAINT; Schema: dials_fixture; Owner: -
--

ALTER TABLE ONLY dials_fixture.dials_intermediate_values
    ADD CONSTRAINT dials_intermediate_values_study_id_number_fkey FOREIGN KEY (study_id, number) REFERENCES dials_fixture.dials_trials(study_id, number);


--
-- Name: dials_queued_points dials_queued_points_study_id_fkey; Type: FK CONSTRAINT; Schema: dials_fixture; Owner: -
--

ALTER TABLE ONLY dials_fixture.dials_queued_points
    ADD CONSTRAINT dials_queued_points_study_id_fkey FOREIGN KEY (study_id) REFERENCES dials_fixture.dials_studies(id);


--
-- Name: dials_trials dials_trials_study_id_fkey; Type: FK CONSTRAINT; Schema: dials_fixture; Owner: -
--

ALTER TABLE ONLY dials_fixture.dials_trials
    ADD CONSTRAINT dials_trials_study_id_fkey FOREIGN KEY (study_id) REFERENCES dials_fixture.dials_studies(id);


--
-- PostgreSQL database dump complete
--


