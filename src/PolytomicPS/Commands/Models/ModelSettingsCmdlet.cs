using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace PolytomicPS.Commands
{
    /// <summary>The model settings New- and Set-PolytomicModel both take, declared once, and how relations and the
    /// enricher are resolved. Only parameters whose attributes are the same in both live here (a base-class parameter
    /// cannot be Mandatory in one cmdlet and not the other). The summaries are New-PolytomicModel's wording;
    /// Set-PolytomicModel gives its own (what replaces what) as &lt;parameter name="..."&gt; in its class comment, which
    /// HelpGen uses for its help.</summary>
    public abstract class ModelSettingsCmdlet : PolytomicCmdlet
    {
        /// <summary>Only these source fields. By default all fields are included.</summary>
        [Parameter]
        public string[]? Field { get; set; }

        /// <summary>The field that identifies a record.</summary>
        [Parameter]
        public string? Identifier { get; set; }

        /// <summary>Fields whose change marks a record as changed.</summary>
        [Parameter]
        public string[]? TrackingColumn { get; set; }

        /// <summary>Joins to other models, one hashtable each: @{ From = 'user_id'; To = 'Accounts.id' } joins this model's user_id to the id field of the model named Accounts (a model's id works in place of its name). The other model and its field must exist; this model's field is checked when -Field names the fields.</summary>
        [Parameter]
        [AllowEmptyCollection]
        public object[]? Relation { get; set; }

        /// <summary>Fields the source does not have, added to the model by hand: names, or hashtables @{ Name = 'score'; Type = 'number'; Label = 'Score' } (Type defaults to string).</summary>
        [Parameter]
        [AllowEmptyCollection]
        public object[]? AdditionalField { get; set; }

        /// <summary>Enrich the model's records through an enrichment connection: @{ Connection = 'Enrichment'; Configuration = @{ endpoint = 'person' }; Mappings = @{ email = 'email' } }, where Mappings gives a model field for each input the enricher needs (Get-PolytomicEnrichmentInputField lists the sets); Fields optionally names the enriched fields to keep.</summary>
        [Parameter]
        public IDictionary? Enricher { get; set; }

        /// <summary>Labels to give the model.</summary>
        [Parameter]
        public string[]? Label { get; set; }

        /// <summary>Ids of the permission policies to apply to the model.</summary>
        [Parameter]
        public string[]? Policy { get; set; }

        /// <summary>-Relation (given) as Polytomic's relations, each other model and field looked up; this model's own
        /// fields are checked too, unless they are not known yet (null).</summary>
        private protected List<object?> Relations(IReadOnlyCollection<string>? ownFields) =>
            ModelSettingsInput.ResolveRelations(ModelSettingsInput.ParseRelations(Relation!), ownFields, call => Await(call),
                id => Await((c, ct) => c.GetModelAsync(id, ct)));

        /// <summary>-Enricher (given) as Polytomic's enricher, or null for an empty hashtable; its mappings are checked
        /// against the model's fields where they are known.</summary>
        private protected Dictionary<string, object?>? BuildEnricher(IReadOnlyCollection<string>? modelFields) =>
            ModelEnricherInput.Build(Enricher!, modelFields,
                name => ModelEnricherLookup.Connection(this, name), (id, config) => ModelEnricherLookup.Inputs(this, id, config));
    }
}
