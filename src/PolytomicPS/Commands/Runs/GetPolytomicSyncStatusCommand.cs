using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicSyncStatus: a model sync's run in progress, its last finished run and its next scheduled run.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicSyncStatus")]
    [OutputType(typeof(PolytomicSyncStatus))]
    public sealed class GetPolytomicSyncStatusCommand : PolytomicCmdlet
    {
        /// <summary>The sync (object or id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SyncId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetSyncStatusAsync(Id, ct)));
    }
}
