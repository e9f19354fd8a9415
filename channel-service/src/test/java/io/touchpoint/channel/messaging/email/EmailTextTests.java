package io.touchpoint.channel.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailTextTests {

    @Test
    void paragraphsAndLineBreaksBecomeLines() {
        assertThat(EmailText.fromHtml("<p>One\n  two</p><p>three<br>four</p>")).isEqualTo("One two\n\nthree\nfour");
    }

    @Test
    void stylesScriptsAndCommentsAreNotText() {
        assertThat(EmailText.fromHtml("<head><style>p{}</style></head><!-- [if mso]>x<![endif] --><script>a()</script>"
                        + "<div>visible</div>"))
                .isEqualTo("visible");
    }

    @Test
    void entitiesAreDecodedAndUnknownOnesKept() {
        assertThat(EmailText.fromHtml("a&nbsp;&amp;&nbsp;b &lt;c&gt; &#8364;5 &#x1F600; &bogus; &AMP;"))
                .isEqualTo("a & b <c> \u20ac5 \uD83D\uDE00 &bogus; &");
    }

    @Test
    void listItemsAndTableCellsStayApart() {
        assertThat(EmailText.fromHtml("<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>"))
                .isEqualTo("- one\n- two\n\na b");
    }
}
