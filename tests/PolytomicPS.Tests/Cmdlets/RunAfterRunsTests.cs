using static PolytomicPS.Tests.Cmdlets.ModelSyncSetup;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>The sandbox runs a sync with a run_after schedule when a sync or bulk sync it names ends a run, and with
    /// run_after_success_only only when that run completed.</summary>
    public sealed class RunAfterRunsTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture sandbox;
        public RunAfterRunsTests(SandboxFixture sandbox) { this.sandbox = sandbox; }

        private static string NewSync(string variable, string name, string extra) =>
            $"${variable} = $model | New-PolytomicSync -Name '{Unique(name)}' -Target $crm -Object Contact -Mode create -Identity @{{ email = 'Email' }} -Field @{{ first_name = 'FirstName' }} {extra}\n";

        [Theory]
        [InlineData("2024-02-08")]
        [InlineData("2025-09-18")]
        public void A_dependent_sync_runs_once_after_each_run_it_waits_for(string version)
        {
            var r = Ps.Run(Setup
                + NewSync("up", "upstream", "-Frequency manual")
                + NewSync("failing", "upstream [fail]", "-Frequency manual")
                + "$bulk = New-PolytomicBulkSync -Name ('bulk-' + [guid]::NewGuid()) -Source $crm -Destination $sf -Mode replicate -DestinationConfiguration @{ schema = 'RAW' } -Schema Account\n"
                + NewSync("afterUp", "after-up", "-RunAfter $up")
                + NewSync("afterFailOk", "after-fail-success-only", "-RunAfter $failing -RunAfterSuccessOnly")
                + NewSync("afterFail", "after-fail", "-RunAfter $failing")
                + NewSync("afterBulk", "after-bulk", "-RunAfter $bulk")
                + @"
foreach ($d in $afterUp, $afterFailOk, $afterFail, $afterBulk) { 'before ' + @(Get-PolytomicSyncExecution -SyncId $d.Id).Count }
$null = Start-PolytomicSync -Id $up.Id
$null = Start-PolytomicSync -Id $failing.Id
$null = Start-PolytomicBulkSync -Id $bulk.Id
$Clock.Advance([TimeSpan]::FromMinutes(2))
foreach ($d in $afterUp, $afterFailOk, $afterFail, $afterBulk) { 'after ' + @(Get-PolytomicSyncExecution -SyncId $d.Id).Count }
'again ' + @(Get-PolytomicSyncExecution -SyncId $afterUp.Id).Count
(Get-PolytomicSyncExecution -SyncId $afterUp.Id).Status", sandbox, version,
                variables: new Dictionary<string, object?> { ["Clock"] = sandbox.State.Clock });
            r.AssertSuccess();
            Assert.Equal(new[] { "before 0", "before 0", "before 0", "before 0", "after 1", "after 0", "after 1", "after 1", "again 1", "completed" },
                r.Output.Select(o => o.ToString()).ToArray());
        }
    }
}
