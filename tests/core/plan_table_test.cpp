// The import's first step: text to rows and cells (plan_csv.h read_table). Quotes, line ends,
// the byte order mark and the separator a file or a pasted block uses.
#include <catch2/catch.hpp>

#include "core/plan_csv.h"

using namespace coach;
using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("quoted cells keep separators, doubled quotes and line breaks", "[plan_csv][table]") {
    const Table t = read_table("客户,备注,金额\r\n\"A公司, 上海\",\"他说\"\"月底付\"\"\",\"1,234.00\"\r\n\"B\",\"两行\r\n备注\",5\r\n");
    CHECK(t.separator == ',');
    CHECK(t.rows == Rows{{"客户", "备注", "金额"}, {"A公司, 上海", "他说\"月底付\"", "1,234.00"}, {"B", "两行\r\n备注", "5"}});
}

TEST_CASE("cells are kept exactly as the file has them", "[plan_csv][table]") {
    // Spaces, a quote inside an unquoted cell, an empty cell and text after a closing quote.
    const Table t = read_table("  A公司 ,5\" pipe,,\"x\"y\n");
    CHECK(t.rows == Rows{{"  A公司 ", "5\" pipe", "", "xy"}});
}

TEST_CASE("CRLF, LF and CR all end a row", "[plan_csv][table]") {
    const Rows expected{{"a", "1"}, {"b", "2"}, {"c", "3"}};
    CHECK(read_table("a,1\r\nb,2\r\nc,3").rows == expected);
    CHECK(read_table("a,1\nb,2\nc,3\n").rows == expected);
    CHECK(read_table("a,1\rb,2\rc,3\r").rows == expected);  // classic Mac Excel
    CHECK(read_table("a,1\r\nb,2\nc,3\r").rows == expected);
}

TEST_CASE("a leading byte order mark is dropped, one inside a cell is not", "[plan_csv][table]") {
    const Table t = read_table("\xEF\xBB\xBF客户,金额\r\nA,\xEF\xBB\xBF" "1\r\n");
    CHECK(t.rows == Rows{{"客户", "金额"}, {"A", "\xEF\xBB\xBF" "1"}});
}

TEST_CASE("trailing empty lines go, empty lines between rows stay so row numbers match", "[plan_csv][table]") {
    const Table t = read_table("客户,金额\r\nA,1\r\n\r\nB,2\r\n\r\n\r\n");
    CHECK(t.rows == Rows{{"客户", "金额"}, {"A", "1"}, {""}, {"B", "2"}});
    CHECK(read_table("").rows.empty());
    CHECK(read_table("\xEF\xBB\xBF").rows.empty());
    CHECK(read_table("\r\n\n").rows.empty());
}

TEST_CASE("ragged rows keep their own width", "[plan_csv][table]") {
    const Table t = read_table("a,b,c\n1\n1,2,3,4\n1,2,\n");
    CHECK(t.rows == Rows{{"a", "b", "c"}, {"1"}, {"1", "2", "3", "4"}, {"1", "2", ""}});
}

TEST_CASE("an unclosed quote runs to the end of the text", "[plan_csv][table]") {
    const Table t = read_table("a,\"open\nb,2\n");
    CHECK(t.rows == Rows{{"a", "open\nb,2\n"}});
}

TEST_CASE("the separator is the one that splits the rows most consistently", "[plan_csv][table]") {
    SECTION("a block pasted from Excel is tab-separated, with a trailing line end") {
        const Table t = read_table("客户名称\t金额\t到期日\nA公司\t1,234.50\t2026-11-29\nB公司\t5,000.00\t2026-12-31\n");
        CHECK(t.separator == '\t');
        CHECK(t.rows == Rows{{"客户名称", "金额", "到期日"}, {"A公司", "1,234.50", "2026-11-29"}, {"B公司", "5,000.00", "2026-12-31"}});
    }
    SECTION("semicolons, as a European Excel writes CSV") {
        const Table t = read_table("Customer;Invoice;Amount\nAcme, Inc.;INV-1;1234.56\nBeta;INV-2;99\n");
        CHECK(t.separator == ';');
        CHECK(t.rows[1] == std::vector<std::string>{"Acme, Inc.", "INV-1", "1234.56"});
    }
    SECTION("commas, with separators inside quoted cells that do not count") {
        const Table t = read_table("客户,金额\n\"A;B\tC\",\"1,000\"\n\"D;E\",2\n");
        CHECK(t.separator == ',');
        CHECK(t.rows[1] == std::vector<std::string>{"A;B\tC", "1,000"});
    }
    SECTION("title lines above the header do not decide it") {
        const Table t = read_table("应收账款明细表\n期间：2026年1月\n客户,发票号,金额\nA,1,2\nB,3,4\nC,5,6\n");
        CHECK(t.separator == ',');
        CHECK(t.rows[2] == std::vector<std::string>{"客户", "发票号", "金额"});
    }
    SECTION("a tie goes to the tab: commas inside names of a pasted block") {
        const Table t = read_table("Acme, Inc\t100\nBeta, Ltd\t200\n");
        CHECK(t.separator == '\t');
        CHECK(t.rows[0] == std::vector<std::string>{"Acme, Inc", "100"});
    }
    SECTION("one column: nothing splits, comma by default") {
        const Table t = read_table("客户名称\nA公司\nB公司\n");
        CHECK(t.separator == ',');
        CHECK(t.rows == Rows{{"客户名称"}, {"A公司"}, {"B公司"}});
    }
}

TEST_CASE("bytes that are not UTF-8 do not break the table", "[plan_csv][table]") {
    // The page decodes the file first; whatever still arrives is kept byte for byte.
    const Table t = read_table("\xC4\xE3,\xFF\xFE\n");
    CHECK(t.rows == Rows{{"\xC4\xE3", "\xFF\xFE"}});
}
