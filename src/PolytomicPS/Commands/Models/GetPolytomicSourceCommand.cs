using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Get-PolytomicSource: what a connection offers as a model source (GET …/modelsync/source). Each output is
    /// one choice; its ModelConfiguration is what -Parameter takes to drill one level further, and at a leaf what
    /// New-PolytomicModel takes from the pipeline.</summary>
    [Cmdlet(VerbsCommon.Get, "PolytomicSource")]
    [OutputType(typeof(PolytomicSourceOption))]
    public sealed class GetPolytomicSourceCommand : PolytomicCmdlet
    {
        private const int MaxDepth = 8;

        /// <summary>The source connection (an id or a connection object).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [IdTransformation]
        [ValidateNotNullOrEmpty]
        public string ConnectionId { get; set; } = "";

        /// <summary>Choices made so far, e.g. @{ schema = 'PUBLIC' }: lists the next level.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelConfiguration")]
        public IDictionary? Parameter { get; set; }

        /// <summary>Walk every branch and output only the leaves (tables, collections, files, free-text queries).</summary>
        [Parameter]
        public SwitchParameter Recurse { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem() => Walk(PSInput.ToDictionary(Parameter, nameof(Parameter)), 0);

        private void Walk(Dictionary<string, object?> chosen, int depth)
        {
            var meta = Await((c, ct) => c.GetSourceMetaAsync(ConnectionId, chosen, ct));
            foreach (var option in DrillDown.SourceOptions(ConnectionId, meta, chosen))
            {
                if (Recurse && !option.IsLeaf && depth < MaxDepth) Walk(option.ModelConfiguration, depth + 1);
                else WriteObject(option);
            }
        }
    }
}
