-- CoProd 0006: an account whose password an admin chose (an invitation or a reset) must change it at its next
-- sign-in before it can do anything else. Existing accounts keep their own passwords (false); the app always
-- writes the column, so it keeps no default.

ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ALTER COLUMN must_change_password DROP DEFAULT;
