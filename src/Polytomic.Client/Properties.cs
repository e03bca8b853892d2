using System.Runtime.CompilerServices;

// The choke point's parts are internal; their unit tests live in the test project.
[assembly: InternalsVisibleTo("PolytomicPS.Tests")]
