using System.Collections;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the fields a model source offers, before a model is made.</summary>
    /// <remarks>
    /// <para>Get-PolytomicSourceField reads GET /api/connections/{id}/modelsync/source/fields for the source named by -Parameter (a Get-PolytomicSource option's ModelConfiguration, also from the pipeline) and outputs one PolytomicModelField per field, with its name and type.</para>
    /// <para>An empty -Parameter is an EmptySourceParameter error; a source that does not exist is a PolytomicApi.BadRequest error.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-PolytomicSource $snowflake -Recurse | Where-Object Value -eq 'PUBLIC.users' | Get-PolytomicSourceField
    /// </code>
    /// <para>Lists the fields of the PUBLIC.users table.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSourceField -ConnectionId $mysql.Id -Parameter @{ table = 'company.customers' }
    /// </code>
    /// <para>Lists the fields of the company.customers table of a MySQL connection.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSourceField", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSourceField.md")]
    [OutputType(typeof(PolytomicModelField))]
    public sealed class GetPolytomicSourceFieldCommand : PolytomicCmdlet
    {
        /// <summary>The source connection: an id or a connection object. Takes pipeline input by property name (ConnectionId).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Connection)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string ConnectionId { get; set; } = "";

        /// <summary>The source as a hashtable, as in Get-PolytomicSource's ModelConfiguration, e.g. @{ table = 'company.customers' }. Binds ModelConfiguration from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelConfiguration")]
        public IDictionary Parameter { get; set; } = new Hashtable();

        protected override object? ErrorTarget => ConnectionId;

        protected override void ProcessItem()
        {
            var p = PSInput.ToDictionary(Parameter, nameof(Parameter));
            if (p.Count == 0)
                throw new PolytomicInputException("EmptySourceParameter",
                    "-Parameter names no source. Get-PolytomicSource lists what the connection offers.", nameof(Parameter), ConnectionId);
            WriteObject(Await((c, ct) => c.GetSourceFieldsAsync(ConnectionId, p, ct)), true);
        }
    }
}
