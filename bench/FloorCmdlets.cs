using System.Management.Automation;

namespace PolytomicPS.Bench
{
    /// <summary>Yardsticks for the per-call figure, imported from the bench's own assembly: what PowerShell itself costs
    /// per command in the same loop, and the same call made by the barest binary cmdlet.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "BenchNothing")]
    public sealed class TestBenchNothingCommand : PSCmdlet
    {
        [Parameter(Mandatory = true)]
        public string Id { get; set; } = "";

        protected override void ProcessRecord() => WriteObject(Id);
    }

    [Cmdlet(VerbsDiagnostic.Test, "BenchCall")]
    public sealed class TestBenchCallCommand : PSCmdlet
    {
        internal static Polytomic.PolytomicClient? Client;

        [Parameter(Mandatory = true)]
        public string Id { get; set; } = "";

        protected override void ProcessRecord() =>
            WriteObject(Client!.GetConnectionAsync(Id).GetAwaiter().GetResult());
    }
}
