using System;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicModel: one by id, by name (wildcards), or all; -ConnectionId narrows to one source.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicModel", DefaultParameterSetName = ByName)]
    [OutputType(typeof(PolytomicModel))]
    public sealed class GetPolytomicModelCommand : PolytomicCmdlet
    {
        public const string ById = "ById";
        public const string ByName = "ByName";

        /// <summary>Model ids (or model objects).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ById, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId")]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Model names; wildcards allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ByName)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only models over this connection.</summary>
        [Parameter(ParameterSetName = ByName)]
        [IdTransformation]
        public string? ConnectionId { get; set; }

        private string? current;
        protected override object? ErrorTarget => current;

        protected override void ProcessItem()
        {
            if (ParameterSetName == ById)
            {
                foreach (var id in Id)
                {
                    current = id;
                    try { WriteObject(Await((c, ct) => c.GetModelAsync(id, ct))); }
                    catch (Polytomic.PolytomicApiException ex) { WriteError(ErrorFactory.FromApi(ex, id)); }
                }
                return;
            }
            var all = Await((c, ct) => c.ListModelsAsync(ct));
            CurrentSession.Completion.Invalidate("models");
            var matches = ConnectionId == null ? all : all.Where(m => m.ConnectionId == ConnectionId).ToList();
            if (Name == null || Name.Length == 0) { WriteObject(matches, true); return; }
            foreach (var pattern in Name)
            {
                var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
                var found = matches.Where(m => wildcard.IsMatch(m.Name ?? "")).ToList();
                if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
                    WriteError(ErrorFactory.NotFound("ModelNotFound", "model", pattern));
                WriteObject(found, true);
            }
        }
    }
}
