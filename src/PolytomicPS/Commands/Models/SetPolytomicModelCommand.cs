using System.Collections;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Set-PolytomicModel: changes only what is passed. Polytomic's PUT replaces the whole model, so the current
    /// one is read first and the change merged over it.</summary>
    [Cmdlet(VerbsCommon.Set, "PolytomicModel", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicModel))]
    public sealed class SetPolytomicModelCommand : PolytomicCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = "";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Read this table instead.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Table { get; set; }

        /// <summary>Read this query instead.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        /// <summary>A whole new configuration.</summary>
        [Parameter]
        public IDictionary? Configuration { get; set; }

        /// <summary>Only these fields (replaces the current list).</summary>
        [Parameter]
        public string[]? Field { get; set; }

        [Parameter]
        public string? Identifier { get; set; }

        [Parameter]
        public string[]? TrackingColumn { get; set; }

        [Parameter]
        public string[]? Label { get; set; }

        [Parameter]
        public string[]? Policy { get; set; }

        /// <summary>Re-read the source's fields.</summary>
        [Parameter]
        public SwitchParameter Refresh { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override object? ErrorTarget => Id;

        protected override void ProcessItem()
        {
            var current = Await((c, ct) => c.GetModelAsync(Id, ct));
            var config = Table != null ? ModelConfig.From(NewPolytomicModelCommand.ByTable, Table, "", "", "", "", null)
                : Query != null ? ModelConfig.From(NewPolytomicModelCommand.ByQuery, "", Query, "", "", "", null)
                : Configuration != null ? ModelConfig.From(NewPolytomicModelCommand.ByConfiguration, "", "", "", "", "", Configuration)
                : current.Configuration;
            // A new source has new fields: keep the current selection only when the source stays.
            var sourceChanged = Table != null || Query != null || Configuration != null;
            var request = new ModelRequest
            {
                Name = NewName ?? current.Name,
                Configuration = config,
                ConnectionId = current.ConnectionId,
                Fields = Field != null ? ModelConfig.List(Field) : sourceChanged ? null : new System.Collections.Generic.List<string>(current.FieldNames),
                Identifier = Identifier ?? (sourceChanged ? null : NullIfEmpty(current.Identifier)),
                TrackingColumns = TrackingColumn != null ? ModelConfig.List(TrackingColumn) : sourceChanged ? null : current.TrackingColumns,
                Labels = Label != null ? ModelConfig.List(Label) : ModelConfig.LabelNames(current.Labels),
                Relations = current.Relations,
                Enricher = current.Enricher,
                Policies = Policy != null ? ModelConfig.List(Policy) : current.Policies,
                Refresh = Refresh ? true : (bool?)null,
            };
            if (!ShouldProcess($"{current.Name} ({Id})", "Update model")) return;
            var updated = Await((c, ct) => c.UpdateModelAsync(Id, request, ct));
            CurrentSession.Completion.Invalidate("models");
            if (PassThru) WriteObject(updated);
        }

        private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
    }
}
