-- CoProd 0002: treaties and conventions, their parties, and their rule versions (rules as jsonb, in the
-- treaty interchange format's shape). Seed treaties are loaded after the migrations by TreatySeeder.

CREATE TABLE treaties (
    id uuid NOT NULL,
    code character varying(50) NOT NULL,
    name character varying(300) NOT NULL,
    kind character varying(20) NOT NULL,
    signed_on date,
    in_force_from date,
    terminated_on date,
    dates_note character varying(4000),
    sources jsonb NOT NULL,
    CONSTRAINT pk_treaties PRIMARY KEY (id)
);

CREATE TABLE treaty_parties (
    country character varying(2) NOT NULL,
    treaty_id uuid NOT NULL,
    joined_on date,
    left_on date,
    CONSTRAINT pk_treaty_parties PRIMARY KEY (treaty_id, country),
    CONSTRAINT fk_treaty_parties_countries_country FOREIGN KEY (country) REFERENCES countries (code) ON DELETE RESTRICT,
    CONSTRAINT fk_treaty_parties_treaties_treaty_id FOREIGN KEY (treaty_id) REFERENCES treaties (id) ON DELETE CASCADE
);

CREATE TABLE treaty_rule_versions (
    id uuid NOT NULL,
    treaty_id uuid NOT NULL,
    number integer NOT NULL,
    effective_from date,
    rules jsonb NOT NULL,
    change_note character varying(2000),
    created_at timestamp with time zone NOT NULL,
    created_by character varying(256),
    published_at timestamp with time zone,
    published_by character varying(256),
    CONSTRAINT pk_treaty_rule_versions PRIMARY KEY (id),
    CONSTRAINT fk_treaty_rule_versions_treaties_treaty_id FOREIGN KEY (treaty_id) REFERENCES treaties (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_treaties_code ON treaties (code);

CREATE INDEX ix_treaty_parties_country ON treaty_parties (country);

CREATE UNIQUE INDEX ix_treaty_rule_versions_treaty_id_number ON treaty_rule_versions (treaty_id, number);


-- A published rule version is what deals were checked against: the database refuses to change or delete it.
CREATE FUNCTION forbid_published_rule_version_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published_at IS NOT NULL THEN
        RAISE EXCEPTION 'rule version % of treaty % is published and cannot be changed or deleted; add a new version', OLD.number, OLD.treaty_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER treaty_rule_versions_published_immutable
    BEFORE UPDATE OR DELETE ON treaty_rule_versions
    FOR EACH ROW EXECUTE FUNCTION forbid_published_rule_version_change();
