// The words of the analyst's views: the map's shades and legend, the
// roll-up's comparison, the register lists' filters, breadcrumbs, the leave
// guard and the wall screen's refresh.
export const messages = {
  analyst: {
    shade: {
      COVERED: ['已覆盖', 'Covered'],
      MINOR_GAPS: ['有一般缺口', 'Minor gaps open'],
      PARTIAL: ['有缺口', 'Gaps'],
      UNCOVERED: ['未覆盖', 'Not covered'],
      NO_DATA: ['无覆盖数据', 'No coverage data'],
    },
    shadeHint: {
      COVERED: ['有负责的党组织，没有未整改的缺口', 'An organisation is responsible and no gap is open'],
      MINOR_GAPS: ['有负责的党组织，有“中”或“低”等级的未整改缺口', 'An organisation is responsible; medium or low gaps are open'],
      PARTIAL: ['有“严重”或“高”等级的未整改缺口', 'A critical or high gap is open'],
      UNCOVERED: ['没有负责该网格的党组织', 'No organisation is responsible for the grid'],
      NO_DATA: ['覆盖分析暂不可用', 'The coverage analysis is not available'],
    },
    legendNote: [
      '颜色按网格内未整改的缺口计：严重、高 → 有缺口；中、低 → 有一般缺口；无负责党组织 → 未覆盖。',
      'Colours count the open gaps located in a grid: critical or high → gaps; medium or low → minor gaps; no responsible organisation → not covered.',
    ],
    rollup: {
      rest: ['其余（未落到下级区域）', 'Rest (in no area below)'],
      restHint: [
        '合计中不属于任何下级区域的部分，例如组织关系在街道直属党组织、未落到社区或网格的党员。',
        'The part of the total in no area below, such as members of the sub-district’s own organisations, placed in no community or grid.',
      ],
      drill: ['查看{name}', 'Open {name}'],
      sortBy: ['按“{column}”排序', 'Sort by {column}'],
      gridsHeading: ['网格', 'Grids'],
      grid: {
        total: ['网格数', 'Grids'],
        covered: ['已覆盖', 'Covered'],
        minorGaps: ['有一般缺口', 'Minor gaps'],
        partial: ['有缺口', 'Gaps'],
        uncovered: ['未覆盖', 'Not covered'],
        gapTotal: ['未整改缺口', 'Open gaps'],
      },
    },
    records: {
      kind: ['类别', 'Kind'],
      community: ['所在社区', 'Community'],
      status: ['状态', 'Status'],
      anyKind: ['全部类别', 'Every kind'],
      anyCommunity: ['全部社区', 'Every community'],
      anyStatus: ['全部状态', 'Every status'],
      current: ['现存', 'Current'],
      ended: ['已撤销/已注销', 'Ended'],
      organization: ['所在党组织', 'Organisation'],
      followsArea: ['仅显示 {name} 的记录', 'Only records of {name}'],
      filters: ['筛选', 'Filters'],
      pageSize: ['每页条数', 'Items per page'],
      jump: ['前往页', 'Go to page'],
    },
    breadcrumbs: ['位置', 'Where this record sits'],
    leave: {
      title: ['尚未保存', 'Not saved'],
      message: ['表单有尚未保存的修改，离开将丢失这些修改。确定离开吗？', 'The form has changes that are not saved; leaving discards them. Leave?'],
      leave: ['离开', 'Leave'],
      stay: ['留在此页', 'Stay'],
    },
    screen: {
      updated: ['更新于 {time}', 'Updated {time}'],
      refreshing: ['正在更新…', 'Updating…'],
    },
  },
} as const
