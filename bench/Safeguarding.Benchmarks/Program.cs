using Safeguarding.Benchmarks;

// Suites are registered by name; add new ones here (matching, front-door-api, kpi-pack, returns).
IBenchmarkSuite[] suites = [new CalendarSuite(), new MatchingSuite(), new FrontDoorApiSuite(), new KpiPackSuite(), new ReturnsSuite()];

return await new BenchmarkHarness(suites).RunAsync(args, Console.Out, Console.Error);
