using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Http;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Creates a model over a table, a query, a MongoDB collection, a single file or any source configuration.</summary>
    /// <remarks>
    /// <para>New-PolytomicModel sends POST /api/models and outputs the new model (PolytomicModel) with its fields. The source is given by one of -Table, -Query, -Database with -Collection, -File (a single file in a GCS or S3 bucket) or -Configuration, the configuration as Polytomic takes it; a Get-PolytomicSource option piped in binds its ModelConfiguration and ConnectionId.</para>
    /// <para>An empty -Configuration is an EmptyModelConfiguration error. Polytomic checks the rest: a table, query column or identifier that does not exist is a PolytomicApi.BadRequest error with Polytomic's message, and so is a connection whose schemas are still being cached ('No schemas found'; Wait-PolytomicConnection waits for it).</para>
    /// <para>Names identify models in scripts and workspace files, so a name another model has is refused with ModelNameExists (ResourceExists; the TargetObject is that model) and nothing is created; -Force creates a second model with the same name. Runs at the same time are covered too: after the create the name is checked again, and when another run created it first, this command deletes its own copy and stops with ModelNameExists. With -Async the model is made by a job, so only the check before it applies.</para>
    /// <para>Supports -WhatIf and -Confirm.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name Warehouse | New-PolytomicModel -Name 'Active Users' -Query 'SELECT email, plan FROM users' -Preview
    /// </code>
    /// <para>Shows the fields Polytomic would give the model, without creating it (POST /api/model-preview).</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicConnection -Name 'Snowflake Connection' |
    ///     New-PolytomicModel -Name 'Active Users' -Query 'SELECT email, first_name, last_name FROM users'
    /// </code>
    /// <para>Creates a model over a Snowflake query (Polytomic's Snowflake-to-Salesforce walkthrough).</para>
    /// </example>
    /// <example>
    /// <code>
    /// New-PolytomicModel -Name 'Mongo Users' -ConnectionId $mongo.Id -Database example -Collection users -Identifier email
    /// </code>
    /// <para>Creates a model over a MongoDB collection whose records are identified by email.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $gcs | New-PolytomicModel -Name 'GCS Contacts' -File high_paying_users.csv
    /// </code>
    /// <para>Creates a model over one CSV file of a Google Cloud Storage connection.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $accounts = $snowflake | New-PolytomicModel -Name 'Accounts' -Table PUBLIC.accounts
    /// $snowflake | New-PolytomicModel -Name 'Users with accounts' -Table PUBLIC.users -Relation @{ From = 'email'; To = 'Accounts.domain' } `
    ///     -AdditionalField @{ Name = 'score'; Type = 'number'; Label = 'Score' }
    /// </code>
    /// <para>A joined model: each user is joined to the account whose domain is the user's email, and the model gets a score field the source does not have. Models and fields are named, not given by id.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "PolytomicModel", HelpUri = HelpLinks.Cmdlets + "New-PolytomicModel.md", SupportsShouldProcess = true, DefaultParameterSetName = ByConfiguration)]
    [OutputType(typeof(PolytomicModel), typeof(PolytomicJob))]
    public sealed class NewPolytomicModelCommand : ModelSettingsCmdlet
    {
        public const string ByTable = "Table";
        public const string ByQuery = "Query";
        public const string ByCollection = "Collection";
        public const string ByFile = "File";
        public const string ByConfiguration = "Configuration";

        /// <summary>The name of the new model.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The source connection: an id or a connection object. Takes pipeline input by property name (ConnectionId), so connections and Get-PolytomicSource options pipe in.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>A table or view to read, e.g. company.customers.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByTable)]
        [ValidateNotNullOrEmpty]
        public string Table { get; set; } = "";

        /// <summary>A SQL query to read; its column names become the model's fields.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByQuery)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; } = "";

        /// <summary>The MongoDB database of -Collection.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByCollection)]
        [ValidateNotNullOrEmpty]
        public string Database { get; set; } = "";

        /// <summary>The MongoDB collection to read.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByCollection)]
        [ValidateNotNullOrEmpty]
        public string Collection { get; set; } = "";

        /// <summary>A single file in the bucket (GCS, S3) to read, e.g. high_paying_users.csv.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFile)]
        [ValidateNotNullOrEmpty]
        public string File { get; set; } = "";

        /// <summary>The model configuration as Polytomic takes it, as a hashtable. A Get-PolytomicSource option's ModelConfiguration binds here from the pipeline.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByConfiguration, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelConfiguration")]
        public IDictionary Configuration { get; set; } = new Hashtable();

        /// <summary>The organization to create the model in (partner keys only).</summary>
        [Parameter]
        public string? OrganizationId { get; set; }

        /// <summary>Let Polytomic create the model as a job (?async=true): outputs the createmodel job; pipe it to
        /// Wait-PolytomicJob, whose Result is the model.</summary>
        [Parameter]
        public SwitchParameter Async { get; set; }

        /// <summary>Ask Polytomic what the model would be (its fields, types and identifier) without creating it
        /// (POST /api/model-preview). Outputs the previewed model, whose Id is empty.</summary>
        [Parameter]
        public SwitchParameter Preview { get; set; }

        /// <summary>The Idempotency-Key to send (8 to 255 letters, digits, '-' or '_'; a GUID works). Run the command again with the same key, for example after a PolytomicApi.OutcomeUnknown error, and Polytomic returns its first answer instead of doing it twice (Polytomic keeps keys for at least 24 hours). One key names one request: a second piped object with the same key is refused. Without it, each request gets a key of its own.</summary>
        [Parameter]
        public string? IdempotencyKey { get; set; }

        /// <summary>Create the model even though one with this name exists (Polytomic allows it; scripts and workspace files then cannot tell the two apart by name).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override object? ErrorTarget => Name;

        protected override void ProcessItem()
        {
            var request = new ModelRequest
            {
                Name = Name,
                Configuration = ModelConfig.From(ParameterSetName, Table, Query, Database, Collection, File, Configuration),
                ConnectionId = ConnectionId,
                Fields = ModelConfig.List(Field),
                Identifier = Identifier,
                TrackingColumns = ModelConfig.List(TrackingColumn),
                Labels = ModelConfig.List(Label),
                Policies = ModelConfig.List(Policy),
                OrganizationId = OrganizationId,
            };
            if (AdditionalField != null) request.AdditionalFields = ModelSettingsInput.ParseAdditionalFields(AdditionalField);
            if (Relation != null)
            {
                // Before the create this model's fields are known only when -Field names them.
                var own = Field == null ? null : Field.Concat((request.AdditionalFields ?? new List<Dictionary<string, object?>>()).Select(f => (string)f["name"]!)).ToList();
                request.Relations = Relations(own);
            }
            if (Enricher != null)
                request.Enricher = BuildEnricher(Field == null ? null : Field.ToList());
            if (Preview)
            {
                // Nothing is stored, so there is nothing for -WhatIf to hold back.
                WriteObject(Await((c, ct) => c.PreviewModelAsync(request, ct)));
                return;
            }
            // A rerun with the caller's -IdempotencyKey gets Polytomic's first answer back, which may be the object of this
            // name: the check after the create settles it instead (a job, -Async, is not settled).
            if (!Force && (IdempotencyKey == null || Async) && NameTaken(NameClaim.Models, Name, organizationId: OrganizationId)) return;
            if (!ShouldProcess(Name, $"Create model on connection {ConnectionId}")) return;
            if (Async)
            {
                WriteObject(Await((c, ct) => c.CreateModelJobAsync(request, ct, OneRequestKey(IdempotencyKey))));
                CurrentSession.Completion.Invalidate("models");
                return;
            }
            var model = Await((c, ct) => c.CreateModelAsync(request, ct, OneRequestKey(IdempotencyKey)));
            CurrentSession.Completion.Invalidate("models");
            if (!Force && !NameKept(NameClaim.Models, Name, model.Id)) return;
            WriteObject(model);
        }
    }
}
