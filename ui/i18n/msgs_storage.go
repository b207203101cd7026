package i18n

// Problems of the data's ranges and limits (model/limits.go, model/validate.go),
// of documents and files being imported (storage/exchange_*.go), and of the
// files salesplan writes or is pointed at (storage/files.go, backup.go).

func init() {
	Register(map[string]Msg{
		// Ranges and limits (DESIGN.md §2).
		"err.date_out_of_range":  {"%v is outside the dates salesplan keeps (1900-01-01 to 2200-12-31)", "%v 超出 salesplan 可记录的日期范围（1900-01-01 至 2200-12-31）"},
		"err.amount_too_large":   {"%v is more than salesplan keeps (at most 10000000000000)", "%v 超出 salesplan 可记录的金额（最多 10000000000000）"},
		"err.amount_bad_comma":   {"%q: a comma only separates thousands (1,000,000); write decimals with a point (1.5)", "“%v”：逗号只用于千位分隔（1,000,000），小数请用小数点（1.5）"},
		"err.amount_too_precise": {"%v is finer than a cent: amounts are kept to 0.01, the currency's smallest unit", "%v 的精度超过了分：金额只记到 0.01（货币的最小单位）"},
		"err.bad_id":             {"%v is not an id (a whole number from 1 to 9007199254740991)", "%v 不是有效编号（1 到 9007199254740991 的整数）"},
		"err.bad_language":       {"%q is not a language (en, zh)", "“%v”不是可选语言（en、zh）"},
		"err.bad_target_year":    {"%v is not a year salesplan keeps (1900–2200)", "%v 不是可设置目标的年份（1900–2200）"},
		"err.bad_workdays":       {"the working days must be days of the week", "工作日必须是星期几"},

		// An exchange document being imported; the record at fault (a
		// record of the format, "clients[3]", is named as the format spells it).
		"err.record_document":       {"document", "文档"},
		"err.record_line":           {"line %d", "第 %d 行"},
		"err.doc_bad_format":        {"must be \"salesplan\" (got %v): not a salesplan export", "应为 \"salesplan\"（实际为 %v）：不是 salesplan 导出文件"},
		"err.doc_bad_version":       {"version %v is not supported (this salesplan reads versions %v to %v)", "不支持版本 %v（本程序读取版本 %v 至 %v）"},
		"err.doc_missing_version":   {"missing", "缺少此项"},
		"err.doc_too_large":         {"larger than %v MiB: not a salesplan export", "大于 %v MiB：不是 salesplan 导出文件"},
		"err.doc_not_a_file":        {"not a file (a device, a directory or a socket): not a salesplan export", "不是普通文件（是设备、目录或套接字）：不是 salesplan 导出文件"},
		"err.doc_fifo":              {"a FIFO (named pipe), not a file: not a salesplan export (to read a pipe, give - and redirect it)", "是 FIFO（命名管道），不是文件：不是 salesplan 导出文件（如需从管道读取，请用 - 并重定向）"},
		"err.doc_not_object":        {"not a salesplan JSON document: must be a JSON object", "不是 salesplan JSON 文档：必须是 JSON 对象"},
		"err.doc_not_json":          {"not a salesplan JSON document: %v (line %v)", "不是 salesplan JSON 文档：%v（第 %v 行）"},
		"err.doc_not_json_at":       {"not a salesplan JSON document: %v (at byte %v)", "不是 salesplan JSON 文档：%v（第 %v 字节处）"},
		"err.doc_bad_char":          {"not a salesplan JSON document: unexpected character %v (line %v)", "不是 salesplan JSON 文档：第 %[2]v 行有不该出现的字符 %[1]v"},
		"err.doc_bad_char_at":       {"not a salesplan JSON document: unexpected character %v (at byte %v)", "不是 salesplan JSON 文档：第 %[2]v 字节处有不该出现的字符 %[1]v"},
		"err.doc_want_time":         {"must be a time like 2026-12-07T09:30:00Z or 2026-12-07T09:30:00+08:00", "应为时间，如 2026-12-07T09:30:00Z 或 2026-12-07T09:30:00+08:00"},
		"err.doc_bad_year_key":      {"%q is not a year (the keys are years, e.g. \"2026\")", "“%v”不是年份（键应为年份，如 \"2026\"）"},
		"err.doc_cut_short":         {"not a salesplan JSON document: the file is empty or cut short", "不是 salesplan JSON 文档：文件为空或不完整"},
		"err.doc_trailing_data":     {"not a salesplan JSON document: unexpected data after the document", "不是 salesplan JSON 文档：文档之后还有多余内容"},
		"err.doc_unknown_field":     {"unknown field", "未知字段"},
		"err.doc_null_record":       {"null is not a record", "null 不是记录"},
		"err.doc_bad_id":            {"an id must be a whole number or null, not %v", "编号必须是整数或 null，不能是 %v"},
		"err.doc_bad_value":         {"%v", "%v"},
		"err.bad_currency":          {"%q is not a currency symbol (at most 8 printable characters)", "“%v”不是货币符号（最多 8 个可显示字符）"},
		"err.happened_after_today":  {"%v is after today (%v): only what has happened can be recorded", "%v 晚于今天（%v）：只能记录已发生的事"},
		"err.doc_want_whole":        {"must be a whole number, not %s", "必须是整数，不能是 %v"},
		"err.doc_number_too_large":  {"%s is too large a number", "数字 %v 太大"},
		"err.doc_want_whole_number": {"must be a whole number, not a JSON %v", "必须是整数，不能是 JSON %v"},
		"err.doc_want_number":       {"must be a number, not a JSON %v", "必须是数字，不能是 JSON %v"},
		"err.doc_want_string":       {"must be a string, not a JSON %v", "必须是字符串，不能是 JSON %v"},
		"err.doc_want_bool":         {"must be true or false, not a JSON %v", "必须是 true 或 false，不能是 JSON %v"},
		"err.doc_want_list":         {"must be a list, not a JSON %v", "必须是列表，不能是 JSON %v"},
		"err.doc_want_object":       {"must be an object, not a JSON %v", "必须是对象，不能是 JSON %v"},
		"err.duplicate_id":          {"id %v is used twice", "编号 %v 重复"},
		"err.duplicate_in_document": {"%q is also the name of %v (names are unique, any case)", "“%v”与 %v 同名（名称不能重复，不分大小写）"},

		// Files salesplan writes (export -o, backup FILE, restore).
		"err.target_link":      {"%v is a symbolic link; give the path of the file itself (nothing was written)", "%v 是符号链接，请给出文件本身的路径（未写入任何内容）"},
		"err.target_dir":       {"%v is a folder; give a file name (nothing was written)", "%v 是文件夹，请给出文件名（未写入任何内容）"},
		"err.target_fifo":      {"%v is a FIFO, not a file; nothing was written", "%v 是命名管道，不是文件；未写入任何内容"},
		"err.target_socket":    {"%v is a socket, not a file; nothing was written", "%v 是套接字，不是文件；未写入任何内容"},
		"err.target_device":    {"%v is a device, not a file; nothing was written", "%v 是设备，不是文件；未写入任何内容"},
		"err.target_irregular": {"%v is not a regular file; nothing was written", "%v 不是普通文件；未写入任何内容"},
		"err.target_db":        {"%v is the database itself; nothing was written", "%v 就是数据库本身；未写入任何内容"},
		"err.target_backup":    {"%v is a backup of the database; nothing was written", "%v 是数据库的备份；未写入任何内容"},
		"err.target_scratch":   {"%v is a working file of the database; nothing was written", "%v 是数据库的工作文件；未写入任何内容"},
		"err.target_read_only": {"%v is read-only (mode %04o); nothing was written (chmod u+w it, or choose another file)", "%v 是只读文件（权限 %04o）；未写入任何内容（先 chmod u+w，或换一个文件）"},

		// Automatic backups (storage/backup.go).
		"err.backup_damaged":      {"today's automatic backup failed its check and was kept aside as %v; the last good backup is from %v (salesplan backups, salesplan check)", "今天的自动备份未通过检查，已另存为 %v；最近一份完好的备份是 %v 的（salesplan backups，salesplan check）"},
		"err.backup_damaged_none": {"today's automatic backup failed its check and was kept aside as %v, and there is no good backup; run salesplan check", "今天的自动备份未通过检查，已另存为 %v，且没有完好的备份；请运行 salesplan check"},

		// A CSV file of clients being imported.
		"err.csv_empty":           {"the file is empty (want a header row with a name column)", "文件为空（需要带有名称列的表头行）"},
		"err.csv_second_column":   {"a second column for %v", "与“%v”列重复"},
		"err.csv_no_name_column":  {"no name column (name, 姓名 or 客户) in the header", "表头中没有名称列（name、姓名或客户）"},
		"err.csv_not_utf8":        {"not valid UTF-8 (save the file as CSV UTF-8)", "不是有效的 UTF-8（请另存为 CSV UTF-8）"},
		"err.csv_bad_cadence":     {"%q is not a number of days (0–3650)", "“%v”不是天数（0–3650）"},
		"err.csv_bad_row":         {"not CSV: %v", "不是 CSV：%v"},
		"err.csv_err_quote":       {`not CSV: a quoted cell has a stray or missing " (a " inside a quoted cell is written "")`, `不是 CSV：带引号的单元格中有多余或缺少的 "（单元格内的 " 应写作 ""）`},
		"err.csv_err_bare_quote":  {`not CSV: a " in a cell that is not quoted (quote the cell and write the " as "")`, `不是 CSV：未加引号的单元格中有 "（请给单元格加上引号，并把 " 写作 ""）`},
		"err.csv_err_field_count": {"not CSV: the row has a different number of cells from the header", "不是 CSV：此行的单元格数与表头不同"},
		"err.csv_bad_date":        {"%q is not a date (want YYYY-MM-DD)", "“%v”不是日期（应为 YYYY-MM-DD）"},
		"err.csv_bad_archived":    {"%q is not true or false", "“%v”不是 true 或 false"},
		"err.doc_not_utf8":        {"not valid UTF-8 text (save the document as UTF-8)", "不是有效的 UTF-8 文本（请将文档另存为 UTF-8）"},

		// Why a file could not be read or written (storage.OSReason), after
		// a line that names the file.
		"err.os_not_exist":     {"no such file or directory", "文件或文件夹不存在"},
		"err.os_permission":    {"permission denied", "没有权限"},
		"err.os_not_permitted": {"operation not permitted (the file may be immutable: lsattr shows it)", "不允许该操作（文件可能被设为不可修改，可用 lsattr 查看）"},
		"err.os_is_dir":        {"is a directory", "是文件夹"},
		"err.os_no_space":      {"no space left on the disk", "磁盘空间不足"},
		"err.os_error":         {"%v", "%v"},
		"err.file_not_regular": {"not a regular file", "不是普通文件"},
	})
}
