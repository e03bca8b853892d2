using System;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets Polytomic models: all of them, by name, or by id.</summary>
    /// <remarks>
    /// <para>Without parameters Get-PolytomicModel lists every model (GET /api/models), following every next-page token and writing each page as it arrives. -Name takes wildcards (Tab completes the names); a name without wildcards that matches nothing is a ModelNotFound error. -ConnectionId keeps only the models over one source connection.</para>
    /// <para>-Id (or pipeline input) reads models one by one (GET /api/models/{id}); an unknown id is a PolytomicApi.NotFound error and the others are still read.</para>
    /// <para>Models (PolytomicModel) carry Id and ModelId, so they pipe into New-PolytomicSync and the other model cmdlets; Fields lists their fields.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicModel
    /// </code>
    /// <para>Lists every model: name, connection, fields and id.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicModel -Name 'Active*' -ConnectionId $snowflake
    /// </code>
    /// <para>Lists the models over the Snowflake connection whose names start with Active.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicModel", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicModel.md", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicModel))]
    public sealed class GetPolytomicModelCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        /// <summary>Ids of the models to get. Takes pipeline input, and objects with an Id or ModelId property.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation(ObjectKinds.Model)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Names of models to get; wildcards are allowed. Tab completes the names.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only models over this source connection: an id or a connection object.</summary>
        [Parameter(ParameterSetName = ByName)]
        [IdTransformation(ObjectKinds.Connection)]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? ConnectionId { get; set; }


        private bool connectionsListed;

        /// <summary>The model with its connection's name (the table shows it): from the session's book, else one list
        /// of the connections per command. A failure to list leaves the name out (the view shows the id).</summary>
        private Polytomic.Models.PolytomicModel Named(Polytomic.Models.PolytomicModel model)
        {
            var book = CurrentSession.Completion;
            if (model.ConnectionId != null && book.NameOf(model.ConnectionId, ObjectKinds.Connection) == null && !connectionsListed)
            {
                connectionsListed = true;
                try
                {
                    foreach (var c in Await((c, ct) => c.ListConnectionsAsync(ct))) book.Remember(c.Id, c.Name, ObjectKinds.Connection);
                }
                catch (Polytomic.PolytomicApiException) { }
            }
            model.ConnectionName ??= book.NameOf(model.ConnectionId, ObjectKinds.Connection);
            return model;
        }

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                WriteEach(Id, id => Named(Await((c, ct) => c.GetModelAsync(id, ct))));
                return;
            }
            var names = new NameFilter(Name);
            // Every page, each written as it arrives (2025-09-18 pages the list at 50).
            foreach (var m in Paged((c, token, ct) => c.ListModelsPageAsync(token, null, ct)))
                if ((ConnectionId == null || m.ConnectionId == ConnectionId) && names.Matches(m.Name)) WriteObject(Named(m));
            CurrentSession.Completion.Invalidate("models");
            foreach (var e in names.Missing("ModelNotFound", "model")) WriteError(e);
        }
    }
}
