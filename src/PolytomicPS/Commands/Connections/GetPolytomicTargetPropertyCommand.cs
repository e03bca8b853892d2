using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the values a target-creation property may take.</summary>
    /// <remarks>
    /// <para>Destinations that can create their target object (a new table, for instance) list creation properties in their target objects' target_creation.properties. Get-PolytomicTargetProperty calls GET /api/connections/{id}/modelsync/targetobjects/properties/{property} and outputs a PolytomicTargetProperty whose Values are the choices, for example the schemas or datasets a new table can go in.</para>
    /// <para>An unknown property is PolytomicApi.NotFound with the property as its target.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// (Get-PolytomicConnection -Name Warehouse | Get-PolytomicTargetProperty -Property schema).Values
    /// </code>
    /// <para>Lists the schemas in which a sync may create a new table.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicTargetProperty", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicTargetProperty.md")]
    [OutputType(typeof(PolytomicTargetProperty))]
    public sealed class GetPolytomicTargetPropertyCommand : PolytomicCmdlet
    {
        /// <summary>The id of the destination connection. Connections pipe in by Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The property id, from the target objects' target_creation.properties (e.g. schema or dataset).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Property { get; set; } = "";

        protected override object? ErrorTarget => Property;

        protected override void ProcessItem() => WriteObject(Await((c, ct) => c.GetTargetPropertyAsync(ConnectionId, Property, ct)));
    }
}
