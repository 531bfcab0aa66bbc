-- A redraw is asked for at the meeting by a State's delegate, who usually has no account on the platform: the
-- secretariat records the delegate's name (requested_by_name) and its own act (recorded_by). Owner: review/draws.
ALTER TABLE review_redraws ADD COLUMN requested_by_name text CHECK (length(requested_by_name) BETWEEN 1 AND 200);
ALTER TABLE review_redraws ADD COLUMN recorded_by uuid REFERENCES users(id);
