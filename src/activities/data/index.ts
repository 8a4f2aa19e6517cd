import type { AnyBlockDefinition } from '../define.js';
import { dataFormatNumber, dataParseNumber } from './numbers.js';
import { dataAddToDate, dataDateDifference, dataFormatDate, dataNow, dataParseDate } from './dates.js';
import { dataGuid, dataParseJson, dataToJson } from './json.js';
import {
  dataListAppend,
  dataListContains,
  dataListGet,
  dataListLength,
  dataListRemove,
  dataListSlice,
  dataListSort,
  dataListUnique,
} from './lists.js';
import { dataDictGet, dataDictHas, dataDictKeys, dataDictRemove, dataDictSet } from './dictionaries.js';

/** The data blocks, in palette order. */
export const dataBlocks: AnyBlockDefinition[] = [
  dataParseNumber,
  dataFormatNumber,
  dataNow,
  dataParseDate,
  dataFormatDate,
  dataAddToDate,
  dataDateDifference,
  dataParseJson,
  dataToJson,
  dataListAppend,
  dataListRemove,
  dataListGet,
  dataListLength,
  dataListSort,
  dataListUnique,
  dataListSlice,
  dataListContains,
  dataDictGet,
  dataDictSet,
  dataDictRemove,
  dataDictKeys,
  dataDictHas,
  dataGuid,
];
