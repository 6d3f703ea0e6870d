DROP TABLE hack_results;
DROP TABLE hack_tries;
DROP TABLE member_tags;
DROP TABLE hack_tags;
DROP TABLE hacks;
DELETE FROM groups WHERE slug = 'hacks';
