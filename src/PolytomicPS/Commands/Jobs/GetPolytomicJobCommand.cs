using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets one of Polytomic's asynchronous jobs: its status, and its result once done.</summary>
    /// <remarks>
    /// <para>Get-PolytomicJob reads GET /api/jobs/{type}/{id} (both API versions) once and outputs a PolytomicJob: Type, JobId, Status (created, running, done or failed), Result once done (the created model for createmodel jobs, the download URL for exportlogs jobs) and Error once failed. Jobs come from New-PolytomicModel -Async (createmodel) and Get-PolytomicBulkSyncLog -Export (exportlogs); both pipe in by Type and JobId.</para>
    /// <para>Use Wait-PolytomicJob to wait until a job is done. A job id that is not a UUID is InvalidId; an unknown job is PolytomicApi.NotFound.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $job = Get-PolytomicConnection -Name Warehouse | New-PolytomicModel -Name 'Users' -Table public.users -Async
    /// $job | Get-PolytomicJob
    /// </code>
    /// <para>Creates a model asynchronously and checks on the job once.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicJob -Type exportlogs -Id $export.JobId
    /// </code>
    /// <para>Checks a log export by its job id.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicJob", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicJob.md")]
    [OutputType(typeof(PolytomicJob))]
    public sealed class GetPolytomicJobCommand : PolytomicCmdlet
    {
        /// <summary>The job type: createmodel or exportlogs; binds from piped jobs and log exports.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("createmodel", "exportlogs")]
        public string Type { get; set; } = "";

        /// <summary>The id of the job; binds from piped jobs and log exports (their JobId).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetJobAsync(Type, Id, ct)));
    }
}
