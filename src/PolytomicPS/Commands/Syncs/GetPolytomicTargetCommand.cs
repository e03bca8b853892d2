using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the objects a connection can sync into: tables, CRM objects, lists.</summary>
    /// <remarks>
    /// <para>By default Get-PolytomicTarget reads GET /api/connections/{id}/modelsync/targetobjects and outputs one PolytomicTargetObject per object (Id, Name), filtered by -Name (wildcards, matched on name or id). Target objects carry ConnectionId and TargetObject, so they pipe into Get-PolytomicTargetField.</para>
    /// <para>API version 2024-02-08 also has the older drill-down (GET /api/connections/{id}/modelsync/target): -Type lists one level (schema, table, ...) narrowed by -Search, and -Recurse walks it to its leaves, outputting PolytomicTargetOption objects. Version 2025-09-18 removed that route, so -Type and -Recurse fail there with ApiVersionNotSupported. An unknown level is a PolytomicApi.BadRequest error.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicTarget $salesforce -Name Contact | Get-PolytomicTargetField
    /// </code>
    /// <para>Shows the fields of the Salesforce Contact object.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicTarget $snowflake -Type table -Search CUSTOMERS
    /// </code>
    /// <para>On API version 2024-02-08, lists the tables of the CUSTOMERS schema of Snowflake (Polytomic's MySQL-to-Snowflake walkthrough).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicTarget", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicTarget.md", DefaultParameterSetName = Objects)]
    [OutputType(typeof(PolytomicTargetObject), ParameterSetName = new[] { Objects })]
    [OutputType(typeof(PolytomicTargetOption), ParameterSetName = new[] { DrillDownSet, WalkSet })]
    public sealed class GetPolytomicTargetCommand : PolytomicCmdlet
    {
        public const string Objects = "Objects";
        public const string DrillDownSet = "DrillDown";
        public const string WalkSet = "Walk";
        private const int MaxDepth = 8;

        /// <summary>The target connection: an id or a connection object. Takes pipeline input by property name (ConnectionId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>Only objects whose name or id matches; wildcards are allowed.</summary>
        [Parameter(Position = 1, ParameterSetName = Objects)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>The drill-down level to list (schema, table, ...). API version 2024-02-08 only.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DrillDownSet)]
        [ValidateNotNullOrEmpty]
        public string Type { get; set; } = "";

        /// <summary>Narrows the listed level, e.g. the schema whose tables to list. Used with -Type.</summary>
        [Parameter(ParameterSetName = DrillDownSet)]
        public string? Search { get; set; }

        /// <summary>Walk the drill-down to its leaves (up to 8 levels). API version 2024-02-08 only.</summary>
        [Parameter(Mandatory = true, ParameterSetName = WalkSet)]
        public SwitchParameter Recurse { get; set; }

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            switch (ParameterSetName)
            {
                case DrillDownSet:
                    var meta = Await((c, ct) => c.GetTargetMetaAsync(ConnectionId, Type, Search, ct));
                    WriteObject(DrillDown.TargetOptions(ConnectionId, meta).Where(o => o.Key == Type), true);
                    return;
                case WalkSet:
                    var top = Await((c, ct) => c.GetTargetMetaAsync(ConnectionId, null, null, ct));
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var key in top.RequiresOneOf ?? new List<string>()) Walk(key, null, 0, seen);
                    return;
            }
            var pattern = Name == null ? null : Wildcards.Get(Name, nameof(Name));
            var list = Await((c, ct) => c.GetTargetObjectsAsync(ConnectionId, ct));
            WriteObject(list.Data.Where(o => pattern == null || pattern.IsMatch(o.Name ?? o.Id) || pattern.IsMatch(o.Id)), true);
        }

        private void Walk(string level, string? search, int depth, HashSet<string> seen)
        {
            var meta = Await((c, ct) => c.GetTargetMetaAsync(ConnectionId, level, search, ct));
            foreach (var option in DrillDown.TargetOptions(ConnectionId, meta).Where(o => o.Key == level))
            {
                if (!option.IsLeaf && depth < MaxDepth)
                    foreach (var next in option.RequiresOneOf) Walk(next, option.Value, depth + 1, seen);
                else if (seen.Add(option.Key + "=" + option.Value))
                    WriteObject(option);
            }
        }
    }
}
