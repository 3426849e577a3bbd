-- serve_bench.lua -- wrk script: /api/search with queries taken in turn
-- from a fixed list (words, a speaker filter, a prefix), so the load is not
-- one cached statement. Counts non-200 replies as errors in the summary.
local queries = {
  "q=Clinton", "q=Trump", "q=tax", "q=election", "q=said+president",
  "speaker=Donald+Trump", "q=Clinton&speaker=Trump", "q=immigra*",
  "q=debate", "q=campaign&limit=50", "q=email", "speaker=Obama",
}
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", "/api/search?" .. queries[i])
end
