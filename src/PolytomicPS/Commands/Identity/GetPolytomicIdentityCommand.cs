using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets who the session's key belongs to and in which organization.</summary>
    /// <remarks>
    /// <para>Get-PolytomicIdentity calls GET /api/me and outputs a PolytomicIdentity: the user (or partner, organization or system caller), its email, and the organization the key acts in. Kind says which sort of key it is (user, partner, organization, system), and IsUser, IsPartner and IsOrganization make scripts easy to branch on.</para>
    /// <para>It works with every kind of key and both API versions, so it is the quickest way to check that a session works. An invalid key fails with the ErrorId PolytomicApi.Unauthorized.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Connect-Polytomic -ApiKey $env:POLYTOMIC_API_KEY | Out-Null
    /// Get-PolytomicIdentity
    /// </code>
    /// <para>Shows the email, kind and organization of the key the session uses.</para>
    /// </example>
    /// <example>
    /// <code>
    /// if ((Get-PolytomicIdentity).IsPartner) { Get-PolytomicOrganization }
    /// </code>
    /// <para>Lists the managed organizations only when the session uses a partner key.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicIdentity", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicIdentity.md")]
    [OutputType(typeof(PolytomicIdentity))]
    public sealed class GetPolytomicIdentityCommand : PolytomicCmdlet
    {
        protected override void ProcessItem()
        {
            var me = Await((c, ct) => c.GetIdentityAsync(ct));
            (Session ?? SessionStore.Current)?.Learn(me); // the session's view names its organization from now on
            WriteObject(me);
        }
    }
}
