using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicBulkSource: what a connection offers as a bulk-sync source (its schemas and capabilities),
    /// or, with -Schema, single schemas with their fields. Waits while a new connection's schemas are being cached.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicBulkSource")]
    [OutputType(typeof(PolytomicBulkSource), typeof(PolytomicConnectionSchema))]
    public sealed class GetPolytomicBulkSourceCommand : PolytomicCmdlet
    {
        /// <summary>The source connection (object or id); a bulk sync's SourceConnectionId binds too.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SourceConnectionId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>Schema ids to read with their fields.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Schema { get; set; }

        /// <summary>Include every schema's fields.</summary>
        [Parameter]
        public SwitchParameter IncludeFields { get; set; }

        /// <summary>How long to wait for the schema cache.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 300;

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var activity = $"Reading the schemas of connection {ConnectionId}";
            if (Schema == null)
            {
                WriteObject(AwaitSchemaCache(activity, TimeoutSeconds, (c, ct) => c.GetBulkSourceAsync(ConnectionId, IncludeFields, ct)));
                return;
            }
            foreach (var id in Schema)
            {
                try { WriteObject(AwaitSchemaCache(activity, TimeoutSeconds, (c, ct) => c.GetConnectionSchemaAsync(ConnectionId, id, ct))); }
                catch (Polytomic.PolytomicApiException ex) when (ex.StatusCode == 404)
                {
                    WriteError(ErrorFactory.NotFound("SchemaNotFound", $"schema of connection {ConnectionId}", id));
                }
            }
        }
    }
}
