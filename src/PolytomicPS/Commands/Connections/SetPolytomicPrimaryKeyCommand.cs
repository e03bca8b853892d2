using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Overrides which fields form a connection schema's primary key.</summary>
    /// <remarks>
    /// <para>Set-PolytomicPrimaryKey calls PUT /api/connections/{id}/schemas/{schema_id}/primary_keys with -FieldId marked as key and -ExcludeFieldId marked as not key. The PUT replaces any earlier override; Reset-PolytomicPrimaryKey goes back to the source's own key.</para>
    /// <para>A field in both lists is refused with ConflictingPrimaryKeyFields before anything is sent. Outputs nothing. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: the PUT replaces the schema's whole primary-key override. Two Set-PolytomicPrimaryKey calls racing on one schema do not merge: the last one to arrive wins and the other's change is lost. Change one schema from one place at a time, and read it back (Get-PolytomicSchema) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | Set-PolytomicPrimaryKey -SchemaId public.users -FieldId email -ExcludeFieldId id
    /// </code>
    /// <para>Makes email the key of public.users instead of the id column.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicPrimaryKey -ConnectionId $conn.Id -SchemaId public.order_lines -FieldId order_id, line_no
    /// </code>
    /// <para>Gives a table without a key a composite primary key.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicPrimaryKey", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicPrimaryKey.md", SupportsShouldProcess = true)]
    [OutputType(typeof(void))]
    public sealed class SetPolytomicPrimaryKeyCommand : PolytomicCmdlet
    {
        /// <summary>The id of the connection. Connections pipe in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The schema (table or object) id, e.g. public.users. Binds from the pipeline by property name.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string SchemaId { get; set; } = "";

        /// <summary>The fields that make up the primary key.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string[] FieldId { get; set; } = new string[0];

        /// <summary>Fields the source marks as key that must not be treated as key. Not together with the same field in -FieldId.</summary>
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
