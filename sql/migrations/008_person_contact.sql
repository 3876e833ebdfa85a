-- 008_person_contact: the name and phone of each person's newest staff record, kept on the
-- person, so 身分驗證 (run on every submit of the busiest week) finds everything it needs in
-- persons and accounts without reading staff. Staff rows are only ever inserted, and every insert
-- refreshes the copy in the same transaction (sql/staff_store.cpp). A staff record's birth date is
-- the person's (xueji-ctl staff add and import refuse another), so persons.birth_date decides the
-- match. NULL name: the person has no staff record yet.
ALTER TABLE persons ADD COLUMN IF NOT EXISTS name VARCHAR(50) NULL,
  ADD COLUMN IF NOT EXISTS phone VARCHAR(20) NULL;
UPDATE persons p
  JOIN staff st ON st.id = (SELECT MAX(s2.id) FROM staff s2 WHERE s2.person_id = p.id)
  SET p.name = st.name, p.phone = st.phone;
