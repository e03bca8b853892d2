using Polytomic;

namespace PolytomicPS.Tests.Client.Http
{
    /// <summary>The response type: a body read as T, or a clear InvalidResponse naming the call.</summary>
    public sealed class ApiResponseTests
    {
        private sealed class Named { public string? Name { get; set; } }

        [Fact]
        public void A_json_body_is_read()
        {
            var r = new ApiResponse(200, System.Text.Encoding.UTF8.GetBytes("{\"name\":\"x\"}"), null, "application/json");
            Assert.Equal("x", r.Read<Named>("GET", "/api/me").Name);
        }

        [Theory]
        [InlineData("")]
        [InlineData("null")]
        [InlineData("{\"name\":")]
        public void A_body_that_is_not_the_expected_json_is_an_invalid_response(string body)
        {
            var r = new ApiResponse(200, System.Text.Encoding.UTF8.GetBytes(body), null, "application/json");
            var ex = Assert.Throws<PolytomicApiException>(() => r.Read<Named>("GET", "/api/me"));
            Assert.Equal(PolytomicErrorKind.InvalidResponse, ex.Kind);
            Assert.StartsWith("GET /api/me returned a body", ex.Message);
        }
    }
}
