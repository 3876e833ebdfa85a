-- 016_node_counters (issue 20): 今日/累計登入人次 per database node. On a Galera cluster every
-- login updating one row per day made that row a hot spot: two nodes updating it at once lose
-- certification, and under load the retries pile up. Each node now counts in a row of its own
-- (node = @@wsrep_node_name, the host name when Galera is off) and the page sums the rows.
ALTER TABLE login_counts
  ADD COLUMN IF NOT EXISTS node VARCHAR(64) NOT NULL DEFAULT '' AFTER day,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (day, node);
