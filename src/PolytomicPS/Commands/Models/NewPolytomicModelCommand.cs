using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>New-PolytomicModel: a model over a table, a query, a MongoDB collection, a single file on GCS/S3, or
    /// any configuration. Takes the connection (or a Get-PolytomicSource choice) from the pipeline.</summary>
    [Cmdlet(VerbsCommon.New, "PolytomicModel", SupportsShouldProcess = true, DefaultParameterSetName = ByConfiguration)]
    [OutputType(typeof(PolytomicModel), typeof(PolytomicJob))]
    public sealed class NewPolytomicModelCommand : PolytomicCmdlet
    {
        public const string ByTable = "Table";
        public const string ByQuery = "Query";
        public const string ByCollection = "Collection";
        public const string ByFile = "File";
        public const string ByConfiguration = "Configuration";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary>The source connection (an id or a connection object, also from the pipeline).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>A table or view, e.g. company.customers.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByTable)]
        [ValidateNotNullOrEmpty]
        public string Table { get; set; } = "";

        /// <summary>A SQL query; its column names become the model's fields.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByQuery)]
        [ValidateNotNullOrEmpty]
        public string Query { get; set; } = "";

        /// <summary>The MongoDB database.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByCollection)]
        [ValidateNotNullOrEmpty]
        public string Database { get; set; } = "";

        /// <summary>The MongoDB collection.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByCollection)]
        [ValidateNotNullOrEmpty]
        public string Collection { get; set; } = "";

        /// <summary>A single file in the bucket (GCS, S3), e.g. high_paying_users.csv.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFile)]
        [ValidateNotNullOrEmpty]
        public string File { get; set; } = "";

        /// <summary>The model configuration as Polytomic takes it; Get-PolytomicSource's ModelConfiguration binds here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByConfiguration, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelConfiguration")]
        public IDictionary Configuration { get; set; } = new Hashtable();

        /// <summary>Only these source fields (default: all).</summary>
        [Parameter]
        public string[]? Field { get; set; }

        /// <summary>The field that identifies a record.</summary>
        [Parameter]
        public string? Identifier { get; set; }

        /// <summary>Fields whose change marks a record as changed.</summary>
        [Parameter]
        public string[]? TrackingColumn { get; set; }

        [Parameter]
        public string[]? Label { get; set; }

        [Parameter]
        public string[]? Policy { get; set; }

        [Parameter]
        public string? OrganizationId { get; set; }

        /// <summary>Let Polytomic create the model as a job (?async=true): outputs the createmodel job; pipe it to
        /// Wait-PolytomicJob, whose Result is the model.</summary>
        [Parameter]
        public SwitchParameter Async { get; set; }

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
            if (!ShouldProcess(Name, $"Create model on connection {ConnectionId}")) return;
            if (Async)
            {
                WriteObject(Await((c, ct) => c.CreateModelJobAsync(request, ct)));
                CurrentSession.Completion.Invalidate("models");
                return;
            }
            var model = Await((c, ct) => c.CreateModelAsync(request, ct));
            CurrentSession.Completion.Invalidate("models");
            WriteObject(model);
        }
    }

    /// <summary>The configuration shapes of models (seeds 000, 002, 003, 004).</summary>
    internal static class ModelConfig
    {
        public static IDictionary<string, object?> From(string set, string table, string query, string database, string collection, string file, IDictionary? configuration)
        {
            switch (set)
            {
                case NewPolytomicModelCommand.ByTable: return new Dictionary<string, object?> { ["table"] = table };
                case NewPolytomicModelCommand.ByQuery: return new Dictionary<string, object?> { ["query"] = query };
                case NewPolytomicModelCommand.ByCollection: return new Dictionary<string, object?> { ["database"] = database, ["collection"] = collection };
                case NewPolytomicModelCommand.ByFile: return new Dictionary<string, object?> { ["model_from"] = "single_file", ["key"] = file };
            }
            var config = PSInput.ToDictionary(configuration, "Configuration");
            if (config.Count == 0)
                throw new PolytomicInputException("EmptyModelConfiguration",
                    "-Configuration is empty: use -Table, -Query, -Database/-Collection or -File, or pipe a choice from Get-PolytomicSource.", "Configuration");
            return config;
        }

        public static List<string>? List(string[]? values) => values == null ? null : values.ToList();

        /// <summary>Labels come back as objects; requests take their names.</summary>
        public static List<string>? LabelNames(List<object?>? labels) =>
            labels?.Select(l => l is IDictionary<string, object?> d ? (d.TryGetValue("name", out var n) ? n?.ToString() : null) : l?.ToString())
                .Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList();
    }
}
