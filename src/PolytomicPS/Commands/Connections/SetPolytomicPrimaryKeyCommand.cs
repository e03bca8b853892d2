using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicPrimaryKey: overrides which fields of a connection schema form its primary key (replaces
    /// any earlier override; Reset-PolytomicPrimaryKey goes back to the source's own key).</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicPrimaryKey", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class SetPolytomicPrimaryKeyCommand : PolytomicCmdlet
    {
        /// <summary>The connection; connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>The schema id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SchemaId { get; set; } = "";

        /// <summary>The fields that make up the primary key.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string[] FieldId { get; set; } = new string[0];

        /// <summary>Fields the source marks as key that must not be treated as key.</summary>
        [Parameter]
        public string[]? ExcludeFieldId { get; set; }

        protected override object? ErrorTarget => SchemaId;

        protected override void ProcessItem()
        {
            var both = FieldId.Intersect(ExcludeFieldId ?? new string[0]).ToList();
            if (both.Count > 0)
                throw new PolytomicInputException("ConflictingPrimaryKeyFields", $"Field(s) both in -FieldId and -ExcludeFieldId: {string.Join(", ", both)}.", "ExcludeFieldId", both[0]);
            if (!ShouldProcess($"{ConnectionId} {SchemaId}", "Set primary key to " + string.Join(", ", FieldId))) return;
            var request = new PrimaryKeysRequest();
            request.Fields.AddRange(FieldId.Select(f => new PrimaryKeyOverride { FieldId = f, IsPrimaryKey = true }));
            request.Fields.AddRange((ExcludeFieldId ?? new string[0]).Select(f => new PrimaryKeyOverride { FieldId = f, IsPrimaryKey = false }));
            Await((c, ct) => c.SetPrimaryKeysAsync(ConnectionId, SchemaId, request, ct));
        }
    }
}
