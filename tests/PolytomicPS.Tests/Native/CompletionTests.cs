namespace PolytomicPS.Tests.Native
{
    /// <summary>Tab completion through the engine's own TabExpansion2, as a user presses Tab.</summary>
    public sealed class CompletionTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public CompletionTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        /// <summary>The completion texts for the end of a command line.</summary>
        private const string Complete = @"
function Complete([string]$line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText }";

        private List<string> Run(string script)
        {
            var r = Ps.Run(Complete + "\n" + script, sandbox);
            r.AssertSuccess();
            return r.Output.Select(o => o.ToString()).ToList();
        }

        [Fact]
        public void Connection_types_complete_from_the_catalogue()
        {
            var items = Run("Complete 'New-PolytomicConnection -Name x -Type snow'");
            Assert.Contains("snowflake", items);
            Assert.All(items, i => Assert.StartsWith("snow", i));
        }

        [Fact]
        public void Connection_names_complete_quoted_and_repeated_tabs_make_one_api_call()
        {
            var name = "Tab Target " + Guid.NewGuid().ToString("N")[..6];
            var items = Run($@"
$null = New-PolytomicConnection -Name '{name}' -Type stripe -Configuration @{{ api_key = 'sk' }}
'---'
Complete 'Get-PolytomicConnection -Name Tab'
Complete 'Get-PolytomicConnection -Name Tab'
Complete 'Get-PolytomicConnection -Name ''Tab T'");
            Assert.Equal(3, items.Count(i => i == "'" + name + "'"));
            var lists = sandbox.State.Requests.Where(r => r.Method == "GET" && r.Path == "/api/connections").ToList();
            // Only the first Tab after the create (which cleared the cache) listed connections; this run listed nothing else.
            Assert.Single(lists);
        }

        [Fact]
        public void Api_versions_complete_on_Connect()
        {
            // ValidateSet completion quotes it: unquoted, 2025-09-18 would be arithmetic.
            Assert.Equal(new[] { "'2025-09-18'" }, Run("Complete 'Connect-Polytomic -ApiVersion 2025'"));
        }

        [Theory]
        [InlineData("SyncModeCompleter", "upd", "update,updateOrCreate")]
        [InlineData("BulkSyncModeCompleter", "", "replicate,snapshot")]
        [InlineData("ScheduleFrequencyCompleter", "d", "daily,dbtcloud")]
        [InlineData("IdentityFunctionCompleter", "", "DomainMatch,Equality,HostnameMatch,ISubstring,OneOf")]
        [InlineData("EventTypeCompleter", "sync.comp", "sync.completed,sync.completed_with_errors")]
        [InlineData("EventTypeCompleter", "bulk_sync.c", "bulk_sync.canceled,bulk_sync.completed,bulk_sync.completed_with_error")]
        [InlineData("ApiVersionCompleter", "2024", "2024-02-08")]
        public void Value_completers_offer_the_apis_values(string completer, string word, string expected)
        {
            var items = Run($@"
function Test-Completer {{ param([ArgumentCompleter([PolytomicPS.{completer}])][string]$Value) }}
Complete 'Test-Completer -Value {word}'");
            Assert.Equal(expected.Split(','), items);
        }

        [Fact]
        public void Name_completers_without_a_source_offer_nothing_and_never_throw()
        {
            var items = Run(@"
function Test-Completer { param([ArgumentCompleter([PolytomicPS.ModelNameCompleter])][string]$Model) }
Complete 'Test-Completer -Model '");
            Assert.DoesNotContain(items, i => i.Contains("Test-Completer"));
        }

        /// <summary>Every parameter that takes an existing connection, model, sync or bulk sync, and every -Object next
        /// to a -Target, completes from the session's cache, so cmdlets added later cannot forget it.</summary>
        [Fact]
        public void Parameters_that_take_existing_objects_have_completion()
        {
            var r = Ps.Run(@"
foreach ($c in Get-Command -Module PolytomicPS -CommandType Cmdlet) {
    foreach ($p in $c.Parameters.Values) {
        $n = $p.Name
        $wanted = $n -in 'ConnectionId', 'TargetConnectionId', 'Target', 'Model', 'Source', 'Destination' -or
                  ($n -eq 'Id' -and $c.Noun -in 'PolytomicConnection', 'PolytomicModel', 'PolytomicSync', 'PolytomicBulkSync') -or
                  ($n -eq 'SyncId' -and $c.Noun -like 'Polytomic*Sync*' -and $c.Noun -ne 'PolytomicSyncStatus') -or
                  ($n -eq 'Name' -and $c.Verb -eq 'Get' -and $c.Noun -in 'PolytomicConnection', 'PolytomicModel', 'PolytomicSync', 'PolytomicBulkSync') -or
                  ($n -eq 'Object' -and ($c.Parameters.ContainsKey('Target') -or $c.Parameters.ContainsKey('ConnectionId')))
        if (-not $wanted -or $p.ParameterType -notin [string], [string[]]) { continue }
        $has = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
        if (-not $has) { ""$($c.Name) -$n"" }
    }
}");
            r.AssertSuccess();
            Assert.Empty(r.Output.Select(o => o.ToString()));
        }

        /// <summary>Every exported parameter whose values come from a fixed or listable set has Tab completion, so
        /// cmdlets added later cannot forget it.</summary>
        [Fact]
        public void Parameters_with_known_value_sets_have_completion()
        {
            var r = Ps.Run(@"
foreach ($c in Get-Command -Module PolytomicPS -CommandType Cmdlet) {
    foreach ($p in $c.Parameters.Values) {
        $n = $p.Name
        $wanted = $n -match '(Mode|Frequency|IdentityFunction|EventTypes?|ApiVersion)$' -or
                  ($n -eq 'Type' -and $c.Noun -like '*Connection*') -or $n -eq 'ConnectionType'
        if (-not $wanted) { continue }
        $has = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] -or $_ -is [System.Management.Automation.ValidateSetAttribute] }
        if (-not $has) { ""$($c.Name) -$n"" }
    }
}");
            r.AssertSuccess();
            Assert.True(r.Output.Count == 0, "no completion on: " + string.Join(", ", r.Output));
        }
    }
}
