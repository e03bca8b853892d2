using System.Collections;
using System.Linq;
using System.Management.Automation;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Changes a model: its name, source, fields, identifier, tracking columns, labels or policies.</summary>
    /// <remarks>
    /// <para>Polytomic's PUT /api/models/{id} replaces the whole model, so Set-PolytomicModel reads the current one first and changes only what is passed; relations and enrichers are kept. When the source changes (-Table, -Query or -Configuration) the current field selection, identifier and tracking columns are dropped unless given again, because the new source has other fields.</para>
    /// <para>Outputs nothing, or the updated model with -PassThru. An unknown id is a PolytomicApi.NotFound error. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: Polytomic's update replaces the whole model, and the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicModel calls racing on one model can therefore lose one change: the second write puts back what the first one changed. Change one model from one place at a time, and read it back (Get-PolytomicModel) where that matters.</para>
    /// <para>-NewName into a name another model has is refused with ModelNameExists (ResourceExists; the TargetObject is that model) and nothing is changed, unless -Force is given.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicModel -Name 'Active Users' | Set-PolytomicModel -NewName 'Users v2' -Label vip -PassThru
    /// </code>
    /// <para>Renames the model and sets its labels to vip.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicModel -Id $model.Id -Query 'SELECT email, plan FROM users' -Identifier email -Refresh
    /// </code>
    /// <para>Points the model at another query, identifies records by email and has Polytomic re-read the fields.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicModel -Id $model.Id -Enricher @{ Connection = 'Enrichment'; Configuration = @{ endpoint = 'person' }; Mappings = @{ email = 'email' } } -PassThru
    /// </code>
    /// <para>Enriches the model's records through the Enrichment connection's person endpoint, looking people up by the model's email field.</para>
    /// </example>
    /// <parameter name="Field">Only these fields; replaces the current selection.</parameter>
    /// <parameter name="Identifier">A new field that identifies a record.</parameter>
    /// <parameter name="TrackingColumn">Fields whose change marks a record as changed; replaces the current ones.</parameter>
    /// <parameter name="Relation">Joins to other models, one hashtable each: @{ From = 'user_id'; To = 'Accounts.id' } joins this model's user_id to the id field of the model named Accounts (a model's id works in place of its name). The other model and its field must exist; the model's own field is checked too. They replace the current relations; an empty array removes them.</parameter>
    /// <parameter name="AdditionalField">Fields the source does not have, added to the model by hand: names, or hashtables @{ Name = 'score'; Type = 'number'; Label = 'Score' } (Type defaults to string). They replace the current ones; an empty array removes them.</parameter>
    /// <parameter name="Enricher">Enrich the model's records through an enrichment connection: @{ Connection = 'Enrichment'; Configuration = @{ endpoint = 'person' }; Mappings = @{ email = 'email' } }, where Mappings gives a model field for each input the enricher needs (Get-PolytomicEnrichmentInputField lists the sets); Fields optionally names the enriched fields to keep. It replaces the current enrichment; an empty hashtable removes it.</parameter>
    /// <parameter name="Label">Labels; replace the current ones.</parameter>
    /// <parameter name="Policy">Ids of permission policies; replace the current ones.</parameter>
    [Cmdlet(VerbsCommon.Set, "PolytomicModel", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicModel.md", SupportsShouldProcess = true)]
    [OutputType(typeof(PolytomicModel))]
    public sealed class SetPolytomicModelCommand : ModelSettingsCmdlet
    {
        /// <summary>The model to change: an id or a model object. Takes pipeline input by property name (Id or ModelId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation(ObjectKinds.Model)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string Id { get; set; } = "";

        /// <summary>A new name for the model.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        /// <summary>Read this table or view instead of the current source.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Table { get; set; }

        /// <summary>Read this SQL query instead of the current source.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        /// <summary>A whole new model configuration, as a hashtable.</summary>
        [Parameter]
        public IDictionary? Configuration { get; set; }

        /// <summary>Have Polytomic re-read the source's fields.</summary>
        [Parameter]
        public SwitchParameter Refresh { get; set; }

        /// <summary>Output the updated model (PolytomicModel). By default nothing is output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>With -NewName: rename even though another model has that name (Polytomic allows it; scripts and workspace files then cannot tell the two apart by name).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

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
                Fields = Field != null ? ModelConfig.List(Field) : sourceChanged ? null : OwnFields(current),
                Identifier = Identifier ?? (sourceChanged ? null : NullIfEmpty(current.Identifier)),
                TrackingColumns = TrackingColumn != null ? ModelConfig.List(TrackingColumn) : sourceChanged ? null : current.TrackingColumns,
                Labels = Label != null ? ModelConfig.List(Label) : ModelConfig.LabelNames(current.Labels),
                Relations = current.Relations,
                Enricher = current.Enricher,
                AdditionalFields = AdditionalField != null ? ModelSettingsInput.ParseAdditionalFields(AdditionalField) : ModelSettingsInput.CurrentAdditionalFields(current),
                Policies = Policy != null ? ModelConfig.List(Policy) : current.Policies,
                Refresh = Refresh ? true : (bool?)null,
            };
            var before = new ModelRequest
            {
                Name = current.Name, Configuration = current.Configuration, ConnectionId = current.ConnectionId,
                Fields = OwnFields(current), AdditionalFields = ModelSettingsInput.CurrentAdditionalFields(current), Identifier = NullIfEmpty(current.Identifier),
                TrackingColumns = current.TrackingColumns, Labels = ModelConfig.LabelNames(current.Labels), Relations = current.Relations,
                Enricher = current.Enricher, Policies = current.Policies,
            };
            if (Relation != null)
            {
                var own = (request.Fields ?? OwnFields(current)).Concat((request.AdditionalFields ?? new System.Collections.Generic.List<System.Collections.Generic.Dictionary<string, object?>>())
                    .Select(f => (string)f["name"]!)).ToList();
                request.Relations = Relations(sourceChanged && Field == null ? null : own);
            }
            if (Enricher != null)
                request.Enricher = BuildEnricher((request.Fields ?? OwnFields(current)).ToList());
            if (!Force && NewName != null && NewName != current.Name && NameTaken(NameClaim.Models, NewName, current.Id)) return;
            if (!ShouldProcess($"{current.Name} ({Id})", ChangeText.Describe("Update model", before, request))) return;
            var updated = Await((c, ct) => c.UpdateModelAsync(Id, request, ct));
            CurrentSession.Completion.Invalidate("models");
            if (PassThru) WriteObject(updated);
        }

        /// <summary>The fields the source gives (user-added ones travel as additional_fields).</summary>
        private static System.Collections.Generic.List<string> OwnFields(PolytomicModel m) =>
            m.Fields.Where(f => f.UserAdded != true && f.Name != null).Select(f => f.Name!).ToList();

        private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
    }
}
