-- wrk script: GET random tiles from a list of paths. Arguments: <prefix> <file with one path per line>.
local paths = {}
function init(args)
  for line in io.lines(args[2]) do paths[#paths + 1] = args[1] .. line end
  math.randomseed(os.time() + #tostring({}))
end
function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
