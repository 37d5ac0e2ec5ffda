using System.Globalization;
using Dials;
using Dials.StudyCost;

// A whole study in one process, start-up included: TPE with its defaults (named: the study's default is now the
// automatic sampler, whose GP would be measured instead), in-memory storage, a trivial objective, so the time
// measured is the tuner's own. Arguments: trials (1000), then an optional seed.
var trials = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
int? seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : null;
var study = Study.Create<Sphere>(new StudyOptions { Sampler = new Dials.Samplers.TpeSampler(seed: seed) });
var result = await study.OptimizeAsync(config => config.Value(), trials);
Console.WriteLine(result.Best.Value.ToString("R", CultureInfo.InvariantCulture));
