// The words of the import view (导入台账), Chinese and English side by side.
export const messages = {
  ledger: {
    nav: ['导入', 'Import'],
    title: ['导入台账', 'Import ledgers'],
    intro: [
      '按模板填写党组织、单位、党员等台账后上传：先预览，逐行检查，所有问题标在所在的工作表、行和列；没有问题后再导入。同一文件再次导入不会重复登记，改正后的台账只更新改动的内容，并保留历史。',
      'Fill in the template’s sheets (organisations, units, members …) and upload it: the preview checks every row and shows each problem at its sheet, row and column; import once there are none. Importing the same file again changes nothing; a corrected ledger updates only what changed, and the history is kept.',
    ],
    template: ['下载模板', 'Download the template'],
    exportAll: ['导出全部台账', 'Export the whole register'],
    choose: ['选择台账文件', 'Choose a ledger file'],
    accept: ['Excel 工作簿（.xlsx），或单张表的 CSV（UTF-8 或 GB18030）', 'An Excel workbook (.xlsx), or one sheet as CSV (UTF-8 or GB18030)'],
    preview: ['预览', 'Preview'],
    progress: ['导入进度', 'Import progress'],
    import: ['导入', 'Import'],
    checking: ['正在检查 {done} / {total} 行', 'Checking row {done} of {total}'],
    importing: ['正在导入 {done} / {total} 行', 'Importing row {done} of {total}'],
    summary: [
      '将新建 {created} 条，更新 {updated} 条，{unchanged} 条不变；{failed} 行有问题。',
      '{created} to create, {updated} to update, {unchanged} unchanged; {failed} rows with problems.',
    ],
    fixFirst: ['请先改正所有问题，再导入：有问题时不会写入任何内容。', 'Fix every problem first: nothing is written while a row has one.'],
    done: ['导入完成：新建 {created} 条，更新 {updated} 条，{unchanged} 条不变。', 'Imported: {created} created, {updated} updated, {unchanged} unchanged.'],
    notWritten: ['有问题，没有写入任何内容。', 'There were problems; nothing was written.'],
    unknownSheets: ['以下工作表不是模板中的表，未读取：{sheets}', 'These sheets are not in the template and were not read: {sheets}'],
    onlyProblems: ['只看有问题的行', 'Only rows with problems'],
    shown: ['显示前 {n} 行', 'Showing the first {n} rows'],
    col: {
      sheet: ['工作表', 'Sheet'],
      row: ['行', 'Row'],
      name: ['记录', 'Record'],
      action: ['处理', 'Action'],
      detail: ['问题或改动', 'Problems or changes'],
    },
    action: {
      CREATED: ['新建', 'Create'],
      UPDATED: ['更新', 'Update'],
      UNCHANGED: ['不变', 'Unchanged'],
      FAILED: ['有问题', 'Problem'],
    },
    changed: ['改动：{columns}', 'Changes: {columns}'],
  },
} as const
