using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the fields of a target object, or the sync modes it supports.</summary>
    /// <remarks>
    /// <para>Get-PolytomicTargetField reads GET /api/connections/{id}/modelsync/target/fields for one target object and outputs its fields (PolytomicTargetField): Id, Name, Type, Required, and the IdentityFunctions each supports when used as a sync's identity. -Modes outputs the sync modes the object supports instead (PolytomicTargetMode), with whether each needs an identity.</para>
    /// <para>-Refresh has Polytomic re-read the object from the target first. An unknown object is a PolytomicApi.NotFound error; an empty one is InvalidTargetObject.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicTargetField $snowflake -Object CUSTOMERS.CONTACTS -Modes
    /// </code>
    /// <para>Lists the sync modes the Snowflake table CUSTOMERS.CONTACTS supports.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicTargetField -ConnectionId $salesforce.Id -Object Contact | Where-Object Required
    /// </code>
    /// <para>Lists the fields a Salesforce Contact must be given.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicTargetField", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicTargetField.md")]
    [OutputType(typeof(PolytomicTargetField))]
    [OutputType(typeof(PolytomicTargetMode))]
    public sealed class GetPolytomicTargetFieldCommand : PolytomicCmdlet
    {
        /// <summary>The target connection: an id or a connection object. Takes pipeline input by property name (ConnectionId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The target object id, e.g. Contact or CUSTOMERS.CONTACTS (Get-PolytomicTarget lists them). Takes pipeline input by property name (Object or TargetObject).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("TargetObject")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TargetObjectCompleter))]
        public string Object { get; set; } = "";

        /// <summary>Have Polytomic re-read the object's fields from the target.</summary>
        [Parameter]
        public SwitchParameter Refresh { get; set; }

        /// <summary>Output the sync modes the object supports, and whether each needs an identity, instead of its fields.</summary>
        [Parameter]
        public SwitchParameter Modes { get; set; }

        protected override object? ErrorTarget => Object;

        protected override void ProcessItem()
        {
            var target = Await((c, ct) => c.GetTargetFieldsAsync(ConnectionId, Object, Refresh, ct));
            if (Modes) WriteObject(target.Modes, true);
            else WriteObject(target.Fields, true);
        }
    }
}
