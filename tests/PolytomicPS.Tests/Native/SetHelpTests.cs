namespace PolytomicPS.Tests.Native
{
    /// <summary>Every Set- cmdlet's help warns that Polytomic's updates are full replacements, so two Set- calls racing
    /// on one object can lose a change.</summary>
    public sealed class SetHelpTests
    {
        [Fact]
        public void Every_Set_cmdlet_documents_that_racing_updates_can_lose_a_change()
        {
            var r = Ps.Run(@"
foreach ($c in Get-Command -Module PolytomicPS -Verb Set) {
    $text = (Get-Help $c.Name -Full).description.Text -join ' '
    '{0}|{1}' -f $c.Name, ($text -match 'Concurrent changes: [^.]*replaces the .*(lose one change|change is lost)')
}");
            r.AssertSuccess();
            var lines = r.Output.Select(o => o.ToString()).ToList();
            Assert.True(lines.Count >= 15, $"only {lines.Count} Set- cmdlets found");
            Assert.All(lines, l => Assert.EndsWith("|True", l));
        }
    }
}
